namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>
/// One photo or video, keyed by its id: its catalog row, original bytes and thumbnails. Every call
/// names the calling user; a media that is not theirs answers NotFound, as if it did not exist.
/// </summary>
public interface IMediaGrain : IGrainWithGuidKey
{
    /// <summary>Records an uploaded file: inspects it, makes thumbnails and the perceptual hash.</summary>
    Task<Result<MediaView, GalleryFailure>> Create(Guid owner, MediaUpload upload);

    Task<Result<MediaView, GalleryFailure>> Get(Guid caller);

    Task<Result<MediaView, GalleryFailure>> Update(Guid caller, string? name, bool? isFavorite);

    /// <summary>Moves the media to its owner's trash: it leaves the library, its albums and its share links until restored.</summary>
    Task<GalleryFailure> Delete(Guid caller);

    /// <summary>Brings a trashed media back with the albums (those still there) and share links it had. NotFound when it is not in the caller's trash.</summary>
    Task<GalleryFailure> Restore(Guid caller);

    /// <summary>
    /// Deletes a trashed media for good: row, original, thumbnails, copies. With <paramref name="trashedBefore"/>, only when it
    /// went to the trash before then (a purge that must not catch an item restored and trashed again). False when nothing went.
    /// </summary>
    Task<bool> Purge(Guid caller, DateTime? trashedBefore);

    /// <summary>The thumbnail of a media in the caller's trash, for the trash page; NotFound otherwise (a share never gets it).</summary>
    Task<Result<MediaContent, GalleryFailure>> TrashedThumbnail(Guid caller, int size);

    Task<Result<MediaContent, GalleryFailure>> Original(Guid caller);

    /// <summary>
    /// What a share visitor downloads for an image: the original with location and device metadata removed, made on
    /// the first call and kept. A video answers UnsupportedMedia (its metadata cannot be removed here).
    /// </summary>
    Task<Result<MediaContent, GalleryFailure>> SharedCopy(Guid caller);

    /// <summary>The stored thumbnail nearest to the requested size (images only).</summary>
    Task<Result<MediaContent, GalleryFailure>> Thumbnail(Guid caller, int size);

    /// <summary>
    /// What a browser plays: the H.264 rendition, or the original when browsers play it as it is; NotReady while the
    /// rendition is pending or could not be made. NotFound for a photo.
    /// </summary>
    Task<Result<MediaContent, GalleryFailure>> Playback(Guid caller);

    /// <summary>For the playback job: the video still waiting for its rendition, or null (gone, ready or failed).</summary>
    Task<PlaybackSource?> PendingPlayback();

    /// <summary>For the playback job: records the rendition, or with null that none could be made. False when the
    /// media no longer waits for one (deleted meanwhile), so the caller removes what it stored.</summary>
    Task<bool> FinishPlayback(PlaybackRendition? rendition);
}
