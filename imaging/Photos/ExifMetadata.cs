using System.Globalization;
using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>The EXIF (and XMP) facts the gallery keeps, read from the fields libvips attaches to an opened image.</summary>
internal sealed record ExifMetadata(
    DateTimeOffset? TakenAt,
    string? CameraMake,
    string? CameraModel,
    double? Latitude,
    double? Longitude,
    string? ContentIdentifier,
    CaptureFacts Capture)
{
    private const int MaxLensLength = 100;

    public static ExifMetadata Read(Image image) => new(
        ExifTimestamp.Parse(Field(image, "exif-ifd2-DateTimeOriginal"), Field(image, "exif-ifd2-OffsetTimeOriginal")),
        Field(image, "exif-ifd0-Make"),
        Field(image, "exif-ifd0-Model"),
        ExifGps.Latitude(Field(image, "exif-ifd3-GPSLatitude"), Field(image, "exif-ifd3-GPSLatitudeRef")),
        ExifGps.Longitude(Field(image, "exif-ifd3-GPSLongitude"), Field(image, "exif-ifd3-GPSLongitudeRef")),
        AppleMakerNote.ContentIdentifier(Blob(image, "exif-data")),
        new CaptureFacts(
            Field(image, "exif-ifd2-LensModel") is { } lens ? lens[..Math.Min(lens.Length, MaxLensLength)] : null,
            Positive(Field(image, "exif-ifd2-ExposureTime")),
            Positive(Field(image, "exif-ifd2-FNumber")),
            Iso(Field(image, "exif-ifd2-ISOSpeedRatings")),
            Positive(Field(image, "exif-ifd2-FocalLength")),
            XmpPlace.Read(Blob(image, "xmp-data"))));

    private static string? Field(Image image, string name) =>
        image.Text(name) is { } text ? VipsExifText.RawValue(text) : null;

    private static byte[]? Blob(Image image, string name) => image.GetTypeOf(name) != 0 ? image.Get(name) as byte[] : null;

    // A camera that did not record a value writes 0/0 or 0; neither is an exposure.
    private static double? Positive(string? rational) =>
        rational?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && ExifRational.Parse(first) is > 0 and < 1e6 and var value
            ? value
            : null;

    // ISOSpeedRatings may hold several values; the first is the one used.
    private static int? Iso(string? ratings) =>
        ratings?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
        && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) && iso > 0
            ? iso
            : null;
}
