using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>The EXIF facts the gallery keeps, read from the fields libvips attaches to an opened image.</summary>
internal sealed record ExifMetadata(
    DateTimeOffset? TakenAt,
    string? CameraMake,
    string? CameraModel,
    double? Latitude,
    double? Longitude,
    string? ContentIdentifier)
{
    public static ExifMetadata Read(Image image) => new(
        ExifTimestamp.Parse(Field(image, "exif-ifd2-DateTimeOriginal"), Field(image, "exif-ifd2-OffsetTimeOriginal")),
        Field(image, "exif-ifd0-Make"),
        Field(image, "exif-ifd0-Model"),
        ExifGps.Latitude(Field(image, "exif-ifd3-GPSLatitude"), Field(image, "exif-ifd3-GPSLatitudeRef")),
        ExifGps.Longitude(Field(image, "exif-ifd3-GPSLongitude"), Field(image, "exif-ifd3-GPSLongitudeRef")),
        AppleMakerNote.ContentIdentifier(image.GetTypeOf("exif-data") != 0 ? image.Get("exif-data") as byte[] : null));

    private static string? Field(Image image, string name) =>
        image.Text(name) is { } text ? VipsExifText.RawValue(text) : null;
}
