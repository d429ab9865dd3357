-- Multipart uploads in progress, by bucket, for ListMultipartUploads. The upload's grain is the only writer of
-- its row: it adds it when the upload starts and removes it when the upload completes or is aborted. The parts
-- themselves live in the grain's state. Keys and upload ids sort by their bytes, as S3 lists them.
CREATE TABLE multipart_upload
(
    bucket    text        NOT NULL REFERENCES bucket (name) ON DELETE CASCADE,
    key       text        COLLATE "C" NOT NULL,
    upload_id text        COLLATE "C" NOT NULL,
    initiated timestamptz NOT NULL,
    PRIMARY KEY (bucket, key, upload_id)
);
