-- GET /api/search matches words inside file names, camera make and model, and album names. pg_trgm (PostgreSQL's
-- contrib, a trusted extension: the database owner may create it) gives GIN indexes that serve
-- lower(...) LIKE '%text%' for any text of three characters or more, so a search reads the index, not every row.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX media_name_trgm ON media USING gin (lower(name) gin_trgm_ops);

-- The camera as one text: "Canon Canon EOS 5D", as the search matches it.
CREATE INDEX media_camera_trgm ON media USING gin (
    lower(coalesce(details ->> 'CameraMake', '') || ' ' || coalesce(details ->> 'CameraModel', '')) gin_trgm_ops);

CREATE INDEX album_name_trgm ON album USING gin (lower(name) gin_trgm_ops);
