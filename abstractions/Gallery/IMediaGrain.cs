namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>
/// One photo or video, keyed by its id: its catalog row, original bytes and thumbnails. Every call
/// names the calling user; a media that is not theirs answers NotFound, as if it did not exist.
/// </summary>
public interface IMediaGrain : IGrainWithGuidKey
{
    /// <summary>Records an uploaded file: inspects it, makes thumbnails and the perceptual hash.</summary>
    /// <remarks>
    /// HEIC decodes, video probes and poster frames wait their turn on the silo's bounded decoder pool and each may
    /// take up to Media:DecodeTimeout, so on a busy silo this takes longer than Orleans' default 30 s; a timed-out
    /// call would answer 503 while the media is still made.
    /// </remarks>
    [ResponseTimeout("00:10:00")]
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
    /// What a browser plays (a video, or a Live Photo's motion part): the H.264 rendition, or the original when
    /// browsers play it as it is; NotReady while the rendition is pending or could not be made. NotFound for a still photo.
    /// </summary>
    Task<Result<MediaContent, GalleryFailure>> Playback(Guid caller);

    /// <summary>
    /// What a share visitor plays on a link without originals: the rendition (which carries no metadata), or, when
    /// browsers play the video or motion part as uploaded, its copy without location and device metadata, made on the
    /// first call and kept. Fails as <see cref="Playback"/> does.
    /// </summary>
    Task<Result<MediaContent, GalleryFailure>> VisitorPlayback(Guid caller);

    /// <summary>A Live Photo's motion part as uploaded (its .mov); NotFound for any other media.</summary>
    Task<Result<MediaContent, GalleryFailure>> MotionOriginal(Guid caller);

    /// <summary>
    /// Live Photo pairing: makes a just-uploaded video this photo's motion part. NotFound unless this is the caller's
    /// photo without a motion part yet. Answers the photo.
    /// </summary>
    Task<Result<MediaView, GalleryFailure>> AttachMotion(Guid caller, MotionTransfer motion);

    /// <summary>
    /// Live Photo pairing: this video, uploaded before its photo, stops being a media of its own and hands its
    /// stored original (and rendition) over to become the photo's motion part. Null unless it is the caller's video
    /// waiting for its photo.
    /// </summary>
    Task<MotionTransfer?> HandOverAsMotion(Guid caller);

    /// <summary>Removes a Live Photo's motion part and its files (an upload request that failed undoes its pairing).</summary>
    Task<GalleryFailure> DetachMotion(Guid caller);

    /// <summary>
    /// Undoes this media's upload (its request failed): deletes it for good, without a stay in the trash. A motion part
    /// it took over from a video uploaded by an earlier request (not among <paramref name="sameRequest"/>) is not this
    /// request's to delete: that video becomes a media of its own again, as it was.
    /// </summary>
    Task<GalleryFailure> Discard(Guid caller, IReadOnlyList<Guid> sameRequest);

    /// <summary>This video's row was put back by the photo that had taken it over (see <see cref="Discard"/>): reload it.</summary>
    Task Reinstated(Guid caller);

    /// <summary>For the playback job: the video still waiting for its rendition, or null (gone, ready or failed).</summary>
    Task<PlaybackSource?> PendingPlayback();

    /// <summary>For the playback job: records the rendition, or with null that none could be made. False when the
    /// media no longer waits for one (deleted meanwhile), so the caller removes what it stored.</summary>
    Task<bool> FinishPlayback(PlaybackRendition? rendition);
}
