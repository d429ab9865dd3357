-- An album's cover and the order of its photos, both chosen by its owner (PATCH /api/albums/{id}), and when each
-- photo joined the album (the "recently added" order).
-- The chosen cover is a wish, not a fact: it is the cover while that media is a member, and otherwise (never chosen,
-- taken out of the album, in the trash) the newest member is, as before. So no removal can leave a stale cover, and a
-- restore from the trash brings the chosen one back. No foreign key for the same reason.

ALTER TABLE album ADD COLUMN cover_media_id uuid NULL;
ALTER TABLE album ADD COLUMN sort text NOT NULL DEFAULT 'added' CHECK (sort IN ('added', 'taken', 'taken-asc'));

-- Members from before this column joined when they were uploaded, as far as anyone can tell. A restore from the trash
-- re-adds a media without naming the column: it rejoins now.
ALTER TABLE album_media ADD COLUMN added_at timestamptz NOT NULL DEFAULT now();
UPDATE album_media SET added_at = media_created_at;

CREATE INDEX album_media_added ON album_media (album_id, added_at DESC, media_id DESC);
