namespace GalleryOrleans.Imaging.Video;

/// <summary>What ffprobe tells about a video file.</summary>
/// <param name="Width">Width as displayed, i.e. after the rotation the container records.</param>
/// <param name="Height">Height as displayed.</param>
/// <param name="Container">ffprobe's format names, such as "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm".</param>
/// <param name="AudioCodec">The first audio stream's codec, null when there is none.</param>
/// <param name="ContentIdentifier">An iPhone Live Photo's motion part names its still this way (com.apple.quicktime.content.identifier).</param>
public sealed record VideoFacts(
    long DurationMs,
    int Width,
    int Height,
    string Codec,
    string? PixelFormat,
    string Container,
    string? AudioCodec,
    DateTimeOffset? TakenAt,
    double? Latitude,
    double? Longitude,
    string? ContentIdentifier = null);
