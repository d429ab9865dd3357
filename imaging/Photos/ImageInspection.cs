namespace GalleryOrleans.Imaging.Photos;

/// <summary>What inspecting a stored image found.</summary>
/// <param name="Width">Width as displayed, i.e. after applying <paramref name="Orientation"/>.</param>
/// <param name="Height">Height as displayed, i.e. after applying <paramref name="Orientation"/>.</param>
/// <param name="Orientation">EXIF orientation 1-8 (1 when absent).</param>
/// <param name="TakenAt">EXIF DateTimeOriginal with OffsetTimeOriginal, taken as UTC when no offset is recorded.</param>
/// <param name="Thumbnails">
/// WebP thumbnails keyed by <see cref="ThumbnailSizes"/>, upright, without metadata, never larger than the original.
/// </param>
/// <param name="ContentIdentifier">What pairs a Live Photo's still and motion parts (Apple's content identifier), if any.</param>
/// <param name="Capture">Lens, exposure and place name, when the photo records them.</param>
public sealed record ImageInspection(
    int Width,
    int Height,
    int Orientation,
    DateTimeOffset? TakenAt,
    string? CameraMake,
    string? CameraModel,
    double? Latitude,
    double? Longitude,
    IReadOnlyDictionary<int, byte[]> Thumbnails,
    string? ContentIdentifier = null,
    CaptureFacts? Capture = null);
