-- GET /api/search also matches the place name a photo's XMP gives (migration 0047), through a trigram index like
-- the ones of migration 0046, so lower(place) LIKE '%text%' reads the index, not every row.

CREATE INDEX media_place_trgm ON media USING gin (lower(place) gin_trgm_ops);
