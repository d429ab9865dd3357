-- Deleting an album or a media cascades to its share links, and the owner's list of links can be narrowed to one
-- album or one media: both find share_link rows by album_id or media_id, which no index covered, so each such
-- delete read the whole table. A link names an album or a media, never both, so each index holds only its own kind.
CREATE INDEX share_link_by_album ON share_link (album_id) WHERE album_id IS NOT NULL;
CREATE INDEX share_link_by_media ON share_link (media_id) WHERE media_id IS NOT NULL;
