-- Whether a share link's visitors download the original files as uploaded. Off by default: they get copies
-- without location and device metadata.
ALTER TABLE share_link ADD COLUMN include_originals boolean NOT NULL DEFAULT false;
