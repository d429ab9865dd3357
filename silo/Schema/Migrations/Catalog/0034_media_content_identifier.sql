-- A Live Photo's still and its motion part carry one content identifier. The media holding an identifier (the
-- photo, or a motion part still waiting for its photo) is found by it when the other part arrives; the unique index
-- makes two parts uploaded at the same moment meet instead of becoming two media.
ALTER TABLE media ADD COLUMN content_identifier text NULL;

CREATE UNIQUE INDEX media_by_content_identifier ON media (owner_id, content_identifier) WHERE content_identifier IS NOT NULL;
