-- The trash. Deleting a media moves its row here, written by its media grain, with what goes with it: the albums it
-- was in, its share links and its embedding, each kept as it was (to_jsonb of the rows), so a restore puts the same
-- rows back and every query on media, album_media and share_link leaves trashed media out without a filter of its own.
-- The bytes stay in the owner's bucket (and count toward the quota) until the item is emptied or purged.

CREATE TABLE media_trash
(
    media_id   uuid        PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    trashed_at timestamptz NOT NULL,
    media      jsonb       NOT NULL,
    albums     uuid[]      NOT NULL,
    shares     jsonb       NOT NULL,
    embedding  jsonb       NULL
);

CREATE INDEX media_trash_page ON media_trash (owner_id, trashed_at DESC, media_id DESC);
CREATE INDEX media_trash_due ON media_trash (trashed_at, media_id);
