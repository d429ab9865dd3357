-- The expiry sweep pages through uploads oldest first, and an upload's grain removes its row by the upload id
-- alone (it may have lost the rest with its state).
CREATE UNIQUE INDEX multipart_upload_by_id ON multipart_upload (upload_id);
CREATE INDEX multipart_upload_by_age ON multipart_upload (initiated, upload_id);
