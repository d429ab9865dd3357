-- Buckets and their object index. The bucket grain of each bucket is the only writer of its rows.

CREATE TABLE bucket
(
    name         text        PRIMARY KEY,
    owner_id     uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    object_count bigint      NOT NULL DEFAULT 0,
    size_bytes   bigint      NOT NULL DEFAULT 0
);

CREATE INDEX bucket_by_owner ON bucket (owner_id, name);

-- Keys sort by their bytes (collation "C"), as S3 lists them, so a listing by prefix and marker is
-- one range scan of the primary key.
CREATE TABLE bucket_object
(
    bucket        text        NOT NULL REFERENCES bucket (name) ON DELETE CASCADE,
    key           text        COLLATE "C" NOT NULL,
    size_bytes    bigint      NOT NULL,
    etag          text        NOT NULL,
    sha256        text        NOT NULL,
    content_type  text        NOT NULL,
    metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    last_modified timestamptz NOT NULL,
    location      text        NOT NULL,
    PRIMARY KEY (bucket, key)
);
