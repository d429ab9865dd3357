-- The second similarity signal: each photo's ResNet18 embedding (int8, see grains/Similarity/PhotoEmbedding)
-- and its sharpness, written by the owner's similarity grain after upload or by a detection run for photos
-- that have none yet. Each grouped photo also records why it is in its group and whether it is the one to keep.

CREATE TABLE media_embedding
(
    media_id   uuid             PRIMARY KEY REFERENCES media (id) ON DELETE CASCADE,
    embedding  bytea            NOT NULL,
    sharpness  double precision NOT NULL
);

ALTER TABLE similar_media
    ADD COLUMN reason         text    NOT NULL DEFAULT 'copy',
    ADD COLUMN suggested_keep boolean NOT NULL DEFAULT false;

CREATE INDEX similar_media_media ON similar_media (media_id);
