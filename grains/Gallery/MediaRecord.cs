using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>A media's catalog row: what the API shows, plus where its bytes and thumbnails are.</summary>
public sealed record MediaRecord(
    Guid Id,
    Guid OwnerId,
    string Name,
    string Kind,
    string ContentType,
    long SizeBytes,
    int? Width,
    int? Height,
    DateTime? TakenAt,
    bool IsFavorite,
    string Sha256,
    byte[]? PerceptualHash,
    MediaDetails Details,
    DateTime CreatedAt,
    IReadOnlyList<Guid> AlbumIds)
{
    // Camera and position are extra fields beyond API.md's media (which allows extras), for the web UI's viewer.
    public MediaView ToView(IReadOnlyList<Guid> albumIds) => new(
        Id, Name, Kind, ContentType, SizeBytes, Width, Height, TakenAt, IsFavorite, Sha256, albumIds, CreatedAt,
        Details.CameraMake, Details.CameraModel, Details.Latitude, Details.Longitude,
        Details.Video?.DurationMs, Details.Video?.Codec, Details.Video?.Playback);
}

/// <summary>
/// The part of a media row kept beside the shown columns: object locations and ETags, camera data, and the copy
/// without metadata that share visitors get, once one has been asked for.
/// </summary>
public sealed record MediaDetails(
    StoredFile Original,
    IReadOnlyDictionary<int, StoredFile> Thumbnails,
    string? CameraMake = null,
    string? CameraModel = null,
    double? Latitude = null,
    double? Longitude = null,
    SharedCopy? SharedCopy = null,
    VideoDetails? Video = null)
{
    public IEnumerable<StoredFile> Files => Thumbnails.Values.Append(Original)
        .Concat(SharedCopy is { } copy ? [copy.File] : [])
        .Concat(Video?.Rendition is { } rendition ? [rendition] : []);
}

/// <summary>The original with location and device metadata removed, in <see cref="ContentType"/>.</summary>
public sealed record SharedCopy(StoredFile File, string ContentType, string Suffix);

public sealed record StoredFile(string Key, string Location, long Size, string ETag)
{
    public ObjectLocation ObjectLocation => new(Location);
}
