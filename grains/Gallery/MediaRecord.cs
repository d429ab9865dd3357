using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Imaging.Photos;

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
    IReadOnlyList<Guid> AlbumIds,
    string? ContentIdentifier = null,
    CaptureFacts? Capture = null)
{
    // Camera, lens, exposure and position are extra fields beyond API.md's media (which allows extras), for the web UI's viewer.
    public MediaView ToView(IReadOnlyList<Guid> albumIds) => new(
        Id, Name, Kind, ContentType, SizeBytes, Width, Height, TakenAt, IsFavorite, Sha256, albumIds, CreatedAt,
        Details.CameraMake, Details.CameraModel, Details.Latitude, Details.Longitude,
        Details.Video?.DurationMs, Details.Video?.Codec, Details.Video?.Playback,
        Motion: Details.Motion is { Video: var motion } ? new MotionView(motion.DurationMs, motion.Codec, motion.Playback) : null,
        Lens: Capture?.Lens, ExposureTime: Capture?.ExposureTime, FNumber: Capture?.FNumber, Iso: Capture?.Iso,
        FocalLength: Capture?.FocalLength, Place: Capture?.Place);

    /// <summary>What a browser plays of this media: the video itself, or a Live Photo's motion part; null for a still.</summary>
    public PlayableVideo? Playable => Details switch
    {
        { Video: { } video } => new(Details.Original, ContentType, video),
        { Motion: { } motion } => new(motion.Original, motion.ContentType, motion.Video),
        _ => null,
    };

    public MediaRecord WithPlayableVideo(VideoDetails video) => this with
    {
        Details = Details.Motion is { } motion && Details.Video is null
            ? Details with { Motion = motion with { Video = video } }
            : Details with { Video = video },
    };
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
    VideoDetails? Video = null,
    MotionPart? Motion = null)
{
    public IEnumerable<StoredFile> Files => Thumbnails.Values.Append(Original)
        .Concat(SharedCopy is { } copy ? [copy.File] : [])
        .Concat(Video?.Rendition is { } rendition ? [rendition] : [])
        .Concat(Motion?.Files ?? []);
}

/// <summary>A video's original, its type and its playback state: a video media's own, or a Live Photo's motion part.</summary>
public sealed record PlayableVideo(StoredFile Original, string ContentType, VideoDetails Video);

/// <summary>
/// A Live Photo's short video, stored beside the still: its original, its playback state, the copy without metadata
/// that share visitors play (once one has been asked for), and, when the photo took over a video uploaded before it,
/// that video's row as it was (its thumbnails kept), so that undoing the photo's upload gives the video back.
/// </summary>
public sealed record MotionPart(StoredFile Original, string ContentType, VideoDetails Video, SharedCopy? SharedCopy = null, MediaRecord? FormerVideo = null)
{
    public IEnumerable<StoredFile> Files => new[] { Original }
        .Concat(Video.Rendition is { } rendition ? [rendition] : [])
        .Concat(SharedCopy is { } copy ? [copy.File] : [])
        .Concat(FormerVideo?.Details.Thumbnails.Values ?? [])
        .Concat(FormerVideo?.Details.SharedCopy is { } formerCopy ? [formerCopy.File] : []);

    /// <summary>The video this part was before its photo took it over, as a media of its own again, with the part's current playback.</summary>
    public MediaRecord? FormerVideoAgain() => FormerVideo is { } former
        ? former with { Details = former.Details with { Video = Video, Motion = null }, AlbumIds = [] }
        : null;

    public static MotionPart From(MotionTransfer transfer) => new(
        StoredFile.From(transfer.Original),
        transfer.ContentType,
        new VideoDetails(transfer.DurationMs, transfer.VideoCodec, transfer.Playback, transfer.Rendition is { } rendition ? StoredFile.From(rendition) : null));

    public MotionTransfer ToTransfer() =>
        new(Original.ToReference(), ContentType, Video.DurationMs, Video.Codec, Video.Playback, Video.Rendition?.ToReference());
}

/// <summary>The original with location and device metadata removed, in <see cref="ContentType"/>.</summary>
public sealed record SharedCopy(StoredFile File, string ContentType, string Suffix);

public sealed record StoredFile(string Key, string Location, long Size, string ETag)
{
    public ObjectLocation ObjectLocation => new(Location);

    public static StoredFile From(PlaybackRendition file) => new(file.Key, file.Location.RelativePath, file.Size, file.ETag);

    public PlaybackRendition ToReference() => new(Key, ObjectLocation, Size, ETag);
}
