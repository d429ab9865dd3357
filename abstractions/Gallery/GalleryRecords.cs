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
    [property: Id(18)] string? Playback = null,
    [property: Id(19)] DateTime? TrashedAt = null,
    [property: Id(20)] MotionView? Motion = null,
    [property: Id(21)] string? Lens = null,
    [property: Id(22)] double? ExposureTime = null,
    [property: Id(23)] double? FNumber = null,
    [property: Id(24)] int? Iso = null,
    [property: Id(25)] double? FocalLength = null,
    [property: Id(26)] string? Place = null);

/// <summary>A Live Photo's motion part: the short video a photo plays (at /playback), with its facts and state.</summary>
[GenerateSerializer, Immutable]
public sealed record MotionView(
    [property: Id(0)] long DurationMs,
    [property: Id(1)] string VideoCodec,
    [property: Id(2)] string Playback);

[GenerateSerializer, Immutable]
public sealed record AlbumView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Type,
    [property: Id(3)] int MediaCount,
    [property: Id(4)] Guid? CoverMediaId,
    [property: Id(5)] DateTime CreatedAt,
    [property: Id(6)] DateTime UpdatedAt,
    [property: Id(7)] string Sort = AlbumSorts.Added);

/// <summary>The orders an album's photos can be shown in; each is also an <c>order</c> of GET /api/media.</summary>
public static class AlbumSorts
{
    /// <summary>Most recently added to the album first.</summary>
    public const string Added = "added";

    /// <summary>Newest taken first (upload time when unknown).</summary>
    public const string TakenNewestFirst = "taken";

    /// <summary>Oldest taken first.</summary>
    public const string TakenOldestFirst = "taken-asc";

    public static readonly IReadOnlyList<string> All = [Added, TakenNewestFirst, TakenOldestFirst];

    public static MediaOrder Order(string sort) => sort switch
    {
        TakenNewestFirst => MediaOrder.Taken,
        TakenOldestFirst => MediaOrder.TakenAscending,
        _ => MediaOrder.Added,
    };
}

/// <summary>PATCH of an album: a null field stays as it is.</summary>
[GenerateSerializer, Immutable]
public sealed record AlbumChange(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Type,
    [property: Id(2)] Guid? CoverMediaId,
    [property: Id(3)] string? Sort);

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

/// <summary>
/// A listing page as the UTF-8 JSON body of its route. <see cref="Version"/> names the state of the library the page
/// was answered from (0: read from the catalog, not to be kept); <see cref="Json"/> is null when the caller said it
/// holds that version of the page already.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LibraryPage([property: Id(0)] long Version, [property: Id(1)] byte[]? Json);

[GenerateSerializer, Immutable]
public sealed record MediaQuery(
    [property: Id(0)] Guid? AlbumId,
    [property: Id(1)] bool FavoritesOnly,
    [property: Id(2)] string? Cursor,
    [property: Id(3)] int Limit,
    [property: Id(4)] MediaOrder Order = MediaOrder.Uploaded,
    [property: Id(5)] DateTime? TakenFrom = null,
    [property: Id(6)] DateTime? TakenBefore = null);

/// <summary>
/// Newest first by upload time, or by the time the photo was taken (upload time when unknown), or oldest taken first;
/// inside an album also most recently added first. <see cref="MediaQuery.TakenFrom"/> (inclusive) and
/// <see cref="MediaQuery.TakenBefore"/> (exclusive) bound the taken orders.
/// </summary>
public enum MediaOrder
{
    Uploaded,
    Taken,
    TakenAscending,
    Added,
}

/// <summary>How many of the listed media fall in one month ("YYYY-MM") of the taken-order timeline.</summary>
[GenerateSerializer, Immutable]
public sealed record TimelineBucket([property: Id(0)] string Month, [property: Id(1)] int Count);

/// <summary>GET /api/search: text found in file name, camera or album name, and filters; From inclusive, Before exclusive (UTC).</summary>
[GenerateSerializer, Immutable]
public sealed record MediaSearch(
    [property: Id(0)] string? Text,
    [property: Id(1)] DateTime? From,
    [property: Id(2)] DateTime? Before,
    [property: Id(3)] string? Type,
    [property: Id(4)] bool FavoritesOnly,
    [property: Id(5)] bool HasLocation,
    [property: Id(6)] string? Cursor,
    [property: Id(7)] int Limit);

/// <summary>What the playback job transcodes: a pending video's original, and whose bucket the rendition goes to.</summary>
[GenerateSerializer, Immutable]
public sealed record PlaybackSource([property: Id(0)] Guid Owner, [property: Id(1)] ObjectLocation Original);

/// <summary>A stored file (a rendition, or a motion part's original) as one grain hands it to a media grain.</summary>
[GenerateSerializer, Immutable]
public sealed record PlaybackRendition(
    [property: Id(0)] string Key,
    [property: Id(1)] ObjectLocation Location,
    [property: Id(2)] long Size,
    [property: Id(3)] string ETag);

/// <summary>
/// A stored video that becomes a Live Photo's motion part, handed from the media that stored it to the photo: its
/// original, its facts, and its rendition when one was made already.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MotionTransfer(
    [property: Id(0)] PlaybackRendition Original,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long DurationMs,
    [property: Id(3)] string VideoCodec,
    [property: Id(4)] string Playback,
    [property: Id(5)] PlaybackRendition? Rendition);

[GenerateSerializer, Immutable]
public sealed record ShareView(
    [property: Id(0)] string Token,
    [property: Id(1)] string Url,
    [property: Id(2)] string Kind,
    [property: Id(3)] Guid? AlbumId,
    [property: Id(4)] Guid? MediaId,
    [property: Id(5)] DateTime? ExpiresAt,
    [property: Id(6)] bool HasCode,
    [property: Id(7)] string? RecipientName,
    [property: Id(8)] string Status,
    [property: Id(9)] long ViewCount,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] bool IncludeOriginals);

[GenerateSerializer, Immutable]
public sealed record NewShare(
    [property: Id(0)] Guid? AlbumId,
    [property: Id(1)] Guid? MediaId,
    [property: Id(2)] DateTime? ExpiresAt,
    [property: Id(3)] string? AccessCode,
    [property: Id(4)] string? RecipientName,
    [property: Id(5)] bool IncludeOriginals);

/// <summary>PATCH of a share: a null field stays; <see cref="RemoveCode"/> drops the access code.</summary>
[GenerateSerializer, Immutable]
public sealed record ShareChange(
    [property: Id(0)] DateTime? ExpiresAt,
    [property: Id(1)] bool ClearExpiry,
    [property: Id(2)] string? AccessCode,
    [property: Id(3)] bool RemoveCode,
    [property: Id(4)] bool? IncludeOriginals = null);

public enum ShareAccess
{
    Granted,
    NotFound,
    Expired,
    CodeRequired,
    WrongCode,
    LockedOut,
    OriginalNotIncluded,

    /// <summary>The shared video's browser rendition is not made yet.</summary>
    NotReady,
}

/// <summary>
/// A media as a link holder sees it: no albums, favourite flag, hash, camera, lens, exposure, place or position. Videos
/// (and a photo's motion part) add their length, codec and whether the browser rendition is ready, as the owner's media JSON does.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SharedMediaView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Type,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long SizeBytes,
    [property: Id(5)] int? Width,
    [property: Id(6)] int? Height,
    [property: Id(7)] DateTime? TakenAt,
    [property: Id(8)] DateTime CreatedAt,
    [property: Id(9)] long? DurationMs = null,
    [property: Id(10)] string? VideoCodec = null,
    [property: Id(11)] string? Playback = null,
    [property: Id(12)] MotionView? Motion = null);

/// <summary>An album as a link holder sees it: not its id, which is the owner's.</summary>
[GenerateSerializer, Immutable]
public sealed record SharedAlbumView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] int MediaCount,
    [property: Id(3)] Guid? CoverMediaId);

/// <summary>What a link holder sees: the share, the album if any, and a page of its current media.</summary>
[GenerateSerializer, Immutable]
public sealed record SharedContent(
    [property: Id(0)] ShareAccess Access,
    [property: Id(1)] string? Kind,
    [property: Id(2)] DateTime? ExpiresAt,
    [property: Id(3)] bool HasCode,
    [property: Id(4)] SharedAlbumView? Album,
    [property: Id(5)] Page<SharedMediaView>? Items);

[GenerateSerializer, Immutable]
public sealed record ShareSession(
    [property: Id(0)] ShareAccess Access,
    [property: Id(1)] string? Session,
    [property: Id(2)] DateTime? ExpiresAt,
    [property: Id(3)] TimeSpan? RetryAfter);

/// <summary>What "download all" of a link hands out: the title to name the archive by and its files (null: too many).</summary>
[GenerateSerializer, Immutable]
public sealed record SharedFiles(
    [property: Id(0)] ShareAccess Access,
    [property: Id(1)] string? Title,
    [property: Id(2)] IReadOnlyList<MediaContent>? Files);

[GenerateSerializer, Immutable]
public sealed record SharedMediaContent([property: Id(0)] ShareAccess Access, [property: Id(1)] MediaContent? Content);
