-- The timeline (GET /api/media?order=taken, /api/timeline/buckets) sorts a user's media by the time each was
-- taken, falling back to upload time when the photo says nothing. These indexes hold exactly that expression,
-- so a page is one index range scan from the cursor, for the whole library and for favourites.

CREATE INDEX media_by_owner_taken ON media (owner_id, (COALESCE(taken_at, created_at)) DESC, id DESC);
CREATE INDEX media_favorites_by_owner_taken ON media (owner_id, (COALESCE(taken_at, created_at)) DESC, id DESC) WHERE is_favorite;
