-- Albums, media, album membership and share links. Each row has one writer: the grain of that album,
-- media or share link. Listings are newest first with (created_at, id) cursors on these indexes.
-- An album's media count and cover (its newest media) are read from album_media, never stored, so
-- removing a media from an album, or deleting it, cannot leave them stale.

CREATE TABLE media
(
    id              uuid        PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    name            text        NOT NULL,
    kind            text        NOT NULL,
    content_type    text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    width           integer     NULL,
    height          integer     NULL,
    taken_at        timestamptz NULL,
    is_favorite     boolean     NOT NULL DEFAULT false,
    sha256          text        NOT NULL,
    perceptual_hash bytea       NULL,
    details         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL
);

CREATE INDEX media_by_owner ON media (owner_id, created_at DESC, id DESC);
CREATE INDEX media_favorites_by_owner ON media (owner_id, created_at DESC, id DESC) WHERE is_favorite;

CREATE TABLE album
(
    id             uuid        PRIMARY KEY,
    owner_id       uuid        NOT NULL,
    name           text        NOT NULL,
    type           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE INDEX album_by_owner ON album (owner_id, created_at DESC, id DESC);

-- The media's creation time is copied here so an album's page is one index range scan.
CREATE TABLE album_media
(
    album_id         uuid        NOT NULL REFERENCES album (id) ON DELETE CASCADE,
    media_id         uuid        NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    media_created_at timestamptz NOT NULL,
    PRIMARY KEY (album_id, media_id)
);

CREATE INDEX album_media_page ON album_media (album_id, media_created_at DESC, media_id DESC);
CREATE INDEX album_media_by_media ON album_media (media_id);

-- A share link is known by the SHA-256 of its token; the token itself is kept only encrypted, so the
-- owner can see the link again but the database alone cannot open it.
CREATE TABLE share_link
(
    token_hash      bytea       PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    token_encrypted bytea       NOT NULL,
    album_id        uuid        NULL REFERENCES album (id) ON DELETE CASCADE,
    media_id        uuid        NULL REFERENCES media (id) ON DELETE CASCADE,
    expires_at      timestamptz NULL,
    code_hash       text        NULL,
    recipient_name  text        NULL,
    revoked         boolean     NOT NULL DEFAULT false,
    view_count      bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    CHECK ((album_id IS NULL) <> (media_id IS NULL))
);

CREATE INDEX share_link_by_owner ON share_link (owner_id, created_at DESC);
