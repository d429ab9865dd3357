namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// How and where a photo was taken, as its EXIF and XMP say: the lens, the exposure (seconds, f-number, ISO, focal
/// length in mm) and the place name (sublocation, city, state or province, country, joined with commas).
/// </summary>
public sealed record CaptureFacts(
    string? Lens = null,
    double? ExposureTime = null,
    double? FNumber = null,
    int? Iso = null,
    double? FocalLength = null,
    string? Place = null)
{
    public static CaptureFacts None { get; } = new();
}
