-- Groups of near-duplicate photos found by a user's similarity grain, its only writer. A run replaces
-- the user's groups; a dismissed group is remembered by its members' key, so the same set of photos
-- does not come back until its members change.

CREATE TABLE similar_group
(
    id          uuid        PRIMARY KEY,
    owner_id    uuid        NOT NULL,
    member_key  text        NOT NULL,
    size        integer     NOT NULL,
    dismissed   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL
);

CREATE INDEX similar_group_page ON similar_group (owner_id, size DESC, id) WHERE NOT dismissed;
CREATE INDEX similar_group_dismissed ON similar_group (owner_id, member_key) WHERE dismissed;

CREATE TABLE similar_media
(
    group_id         uuid             NOT NULL REFERENCES similar_group (id) ON DELETE CASCADE,
    media_id         uuid             NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    similarity_score double precision NOT NULL,
    PRIMARY KEY (group_id, media_id)
);
