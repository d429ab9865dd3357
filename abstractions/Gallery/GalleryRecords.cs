using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Abstractions.Gallery;

public enum GalleryFailure
{
    None,
    NotFound,
    UnsupportedMedia,
    TooLarge,
    Unreadable,
    Invalid,
    QuotaExceeded,

    /// <summary>The thing asked for is still being made (a video's browser rendition): 409.</summary>
    NotReady,
}

[GenerateSerializer, Immutable]
public sealed record MediaView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Type,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long SizeBytes,
    [property: Id(5)] int? Width,
    [property: Id(6)] int? Height,
    [property: Id(7)] DateTime? TakenAt,
    [property: Id(8)] bool IsFavorite,
    [property: Id(9)] string Hash,
    [property: Id(10)] IReadOnlyList<Guid> AlbumIds,
    [property: Id(11)] DateTime CreatedAt,
    [property: Id(12)] string? CameraMake = null,
    [property: Id(13)] string? CameraModel = null,
    [property: Id(14)] double? Latitude = null,
    [property: Id(15)] double? Longitude = null,
    [property: Id(16)] long? DurationMs = null,
    [property: Id(17)] string? VideoCodec = null,
    [property: Id(18)] string? Playback = null);

[GenerateSerializer, Immutable]
public sealed record AlbumView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Type,
    [property: Id(3)] int MediaCount,
    [property: Id(4)] Guid? CoverMediaId,
    [property: Id(5)] DateTime CreatedAt,
    [property: Id(6)] DateTime UpdatedAt);

/// <summary>Where to read a media's bytes or one of its thumbnails, and how to describe them.</summary>
[GenerateSerializer, Immutable]
public sealed record MediaContent(
    [property: Id(0)] ObjectLocation Location,
    [property: Id(1)] long Size,
    [property: Id(2)] string ContentType,
    [property: Id(3)] string ETag,
    [property: Id(4)] string FileName);

/// <summary>An uploaded file, sealed by a writer grain, with what its first bytes say it is.</summary>
[GenerateSerializer, Immutable]
public sealed record MediaUpload(
    [property: Id(0)] SealedObject Bytes,
    [property: Id(1)] string FileName,
    [property: Id(2)] string Kind,
    [property: Id(3)] string ContentType,
    [property: Id(4)] Guid? AlbumId);

[GenerateSerializer, Immutable]
public sealed record Page<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] string? NextCursor);

[GenerateSerializer, Immutable]
public sealed record MediaQuery(
    [property: Id(0)] Guid? AlbumId,
    [property: Id(1)] bool FavoritesOnly,
    [property: Id(2)] string? Cursor,
    [property: Id(3)] int Limit);
