-- How and where a photo was taken, read from its EXIF and XMP at upload: the lens model, the exposure (time in
-- seconds, f-number, ISO, focal length in mm) and a place name ("Montmartre, Paris, Île-de-France, France").
-- Shown to the owner only. Null when the photo does not say (every media uploaded before this migration).

ALTER TABLE media
    ADD COLUMN lens          text             NULL,
    ADD COLUMN exposure_time double precision NULL,
    ADD COLUMN f_number      double precision NULL,
    ADD COLUMN iso           integer          NULL,
    ADD COLUMN focal_length  double precision NULL,
    ADD COLUMN place         text             NULL;
