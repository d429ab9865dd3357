-- Response headers an object was stored with (Cache-Control, Content-Disposition, Content-Encoding,
-- Content-Language, Expires, x-amz-checksum-*), and the sizes of the parts a multipart object was joined
-- from, so GetObject ?partNumber=N can serve one part and HEAD can tell the part count.

ALTER TABLE bucket_object
    ADD COLUMN headers    jsonb    NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN part_sizes bigint[] NOT NULL DEFAULT '{}';
