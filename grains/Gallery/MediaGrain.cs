using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Failures;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Grains.Gallery;

public sealed class MediaGrain(
    GalleryCatalog catalog, TrashCatalog trash, MediaProcessor processor, LivePhotoPairing livePhotos, SharedCopyMaker copies, TimeProvider clock) : Grain, IMediaGrain
{
    private MediaRecord? media;

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => BoundaryExceptions.TranslateAsync(async () =>
    {
        media = await catalog.FindMediaAsync(Id);
        await StartPlaybackJobIfPendingAsync();
    });

    public async Task<Result<MediaView, GalleryFailure>> Create(Guid owner, MediaUpload upload)
    {
        if (media is not null)
        {
            throw new InvalidOperationException($"Media {Id} exists already.");
        }
        var processed = await processor.ProcessAsync(Id, owner, upload, CatalogTime.Now(clock));
        if (!processed.Succeeded)
        {
            return Result<MediaView, GalleryFailure>.Fail(processed.Failure, processed.Detail);
        }
        var outcome = await livePhotos.RecordAsync(processed.Value!);
        if (outcome.JoinedPhoto is { } photo)
        {
            // This upload was a Live Photo's motion part and now belongs to its photo: this media does not exist.
            DeactivateOnIdle();
            return Result<MediaView, GalleryFailure>.Ok(photo);
        }
        media = outcome.Recorded;
        await Library.MediaSaved(media!.ToView([])); // new: in no album yet
        await StartBackgroundWorkAsync();
        if (upload.AlbumId is { } albumId)
        {
            await GrainFactory.GetGrain<IAlbumGrain>(albumId).AddMedia(owner, Id);
        }
        return Result<MediaView, GalleryFailure>.Ok(await ViewAsync(media!));
    }

    public async Task<Result<MediaView, GalleryFailure>> Get(Guid caller) =>
        Mine(caller) is { } mine ? Result<MediaView, GalleryFailure>.Ok(await ViewAsync(mine)) : Result<MediaView, GalleryFailure>.Fail(GalleryFailure.NotFound);

    public async Task<Result<MediaView, GalleryFailure>> Update(Guid caller, string? name, bool? isFavorite)
    {
        if (Mine(caller) is not { } mine)
        {
            return Result<MediaView, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        media = mine with { Name = name ?? mine.Name, IsFavorite = isFavorite ?? mine.IsFavorite };
        await catalog.UpdateMediaAsync(Id, media.Name, media.IsFavorite);
        var updated = await ViewAsync(media);
        await Library.MediaSaved(updated);
        return Result<MediaView, GalleryFailure>.Ok(updated);
    }

    public async Task<GalleryFailure> Delete(Guid caller)
    {
        if (Mine(caller) is null)
        {
            return GalleryFailure.NotFound;
        }
        var albumIds = await catalog.AlbumsOfAsync(Id);
        if (!await trash.MoveToTrashAsync(Id, caller, CatalogTime.Now(clock)))
        {
            return GalleryFailure.NotFound;
        }
        await Library.MediaRemoved(Id, albumIds);
        media = null;
        return GalleryFailure.None;
    }

    public async Task<GalleryFailure> Restore(Guid caller)
    {
        if (media is not null || !await trash.RestoreAsync(Id, caller))
        {
            return GalleryFailure.NotFound;
        }
        media = await catalog.FindMediaAsync(Id);
        var restored = await ViewAsync(media!);
        await Library.MediaSaved(restored);
        foreach (var albumId in restored.AlbumIds)
        {
            await Library.AlbumMembershipChanged(albumId, Id, isMember: true);
        }
        await StartBackgroundWorkAsync();
        return GalleryFailure.None;
    }

    public async Task<bool> Purge(Guid caller, DateTime? trashedBefore)
    {
        if (media is not null || await trash.DeleteAsync(Id, caller, trashedBefore) is not { } files)
        {
            return false;
        }
        await processor.DeleteFilesAsync(caller, files.Files);
        DeactivateOnIdle();
        return true;
    }

    public async Task<Result<MediaContent, GalleryFailure>> TrashedThumbnail(Guid caller, int size) =>
        media is null && await trash.FindAsync(Id) is { Media: var trashed } && trashed.OwnerId == caller
            ? NearestThumbnail(trashed, size)
            : Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound);

    public Task<Result<MediaContent, GalleryFailure>> Original(Guid caller) => Task.FromResult(Mine(caller) is { } mine
        ? Result<MediaContent, GalleryFailure>.Ok(Content(mine.Details.Original, mine.ContentType, mine.Name))
        : Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound));

    public async Task<Result<MediaContent, GalleryFailure>> SharedCopy(Guid caller)
    {
        if (Mine(caller) is not { } mine)
        {
            return Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        if (mine.Details.SharedCopy is not { } copy)
        {
            var made = await MakeCopyAsync(() => copies.MakeAsync(mine));
            if (!made.Succeeded)
            {
                return Result<MediaContent, GalleryFailure>.Fail(made.Failure, made.Detail);
            }
            copy = made.Value!;
            media = mine with { Details = mine.Details with { SharedCopy = copy } };
            await catalog.UpdateMediaDetailsAsync(Id, media.Details);
        }
        return Result<MediaContent, GalleryFailure>.Ok(Content(copy.File, copy.ContentType, Path.ChangeExtension(mine.Name, copy.Suffix)));
    }

    public async Task<Result<MediaContent, GalleryFailure>> VisitorPlayback(Guid caller)
    {
        var playback = await Playback(caller);
        if (!playback.Succeeded || Mine(caller) is not { Playable.Video.Rendition: null } mine)
        {
            return playback;
        }
        if (mine.Details is not { Video: null, Motion: { } motion })
        {
            return await SharedCopy(caller);
        }
        if (motion.SharedCopy is not { } copy)
        {
            var made = await MakeCopyAsync(() => copies.MakeMotionAsync(mine, motion));
            if (!made.Succeeded)
            {
                return Result<MediaContent, GalleryFailure>.Fail(made.Failure, made.Detail);
            }
            copy = made.Value!;
            media = mine with { Details = mine.Details with { Motion = motion with { SharedCopy = copy } } };
            await catalog.UpdateMediaDetailsAsync(Id, media.Details);
        }
        return Result<MediaContent, GalleryFailure>.Ok(Content(copy.File, copy.ContentType, VideoFileName(mine, copy.ContentType)));
    }

    private static async Task<Result<SharedCopy, GalleryFailure>> MakeCopyAsync(Func<Task<SharedCopy>> make)
    {
        try
        {
            return Result<SharedCopy, GalleryFailure>.Ok(await make());
        }
        catch (UnreadableMediaException error)
        {
            return Result<SharedCopy, GalleryFailure>.Fail(
                error.Reason == UnreadableMediaReason.Unsupported ? GalleryFailure.UnsupportedMedia : GalleryFailure.Unreadable, error.Message);
        }
    }

    public Task<Result<MediaContent, GalleryFailure>> Thumbnail(Guid caller, int size) => Task.FromResult(Mine(caller) is { } mine
        ? NearestThumbnail(mine, size)
        : Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound));

    private static Result<MediaContent, GalleryFailure> NearestThumbnail(MediaRecord record, int size)
    {
        if (record.Details.Thumbnails.Count == 0)
        {
            return Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        var nearest = record.Details.Thumbnails.OrderBy(t => Math.Abs(t.Key - size)).ThenByDescending(t => t.Key).First();
        var name = $"{Path.GetFileNameWithoutExtension(record.Name)}-{nearest.Key}.webp";
        return Result<MediaContent, GalleryFailure>.Ok(Content(nearest.Value, "image/webp", name));
    }

    public Task<Result<MediaContent, GalleryFailure>> Playback(Guid caller) => Task.FromResult(Mine(caller) is { Playable: { } playable } mine
        ? playable.Video switch
        {
            { Playback: PlaybackStates.Ready, Rendition: { } rendition } => Result<MediaContent, GalleryFailure>.Ok(
                Content(rendition, "video/mp4", Path.GetFileNameWithoutExtension(mine.Name) + ".mp4")),
            { Playback: PlaybackStates.Ready } => Result<MediaContent, GalleryFailure>.Ok(
                Content(playable.Original, playable.ContentType, VideoFileName(mine, playable.ContentType))),
            { Playback: PlaybackStates.Pending } => Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotReady,
                "The video is being converted for browsers; try again shortly."),
            _ => Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotReady,
                "The video could not be converted for browsers; download the original instead."),
        }
        : Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound));

    public Task<Result<MediaContent, GalleryFailure>> MotionOriginal(Guid caller) => Task.FromResult(Mine(caller) is { Details.Motion: { } motion } mine
        ? Result<MediaContent, GalleryFailure>.Ok(Content(motion.Original, motion.ContentType, VideoFileName(mine, motion.ContentType)))
        : Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound));

    public Task<PlaybackSource?> PendingPlayback() => Task.FromResult(media is { Playable: { Video.Playback: PlaybackStates.Pending } pending }
        ? new PlaybackSource(media.OwnerId, pending.Original.ObjectLocation)
        : null);

    public async Task<bool> FinishPlayback(PlaybackRendition? rendition)
    {
        if (media is not { Playable: { Video: { Playback: PlaybackStates.Pending } video } } pending)
        {
            return false;
        }
        var finished = rendition is null
            ? video with { Playback = PlaybackStates.Failed }
            : video with { Playback = PlaybackStates.Ready, Rendition = StoredFile.From(rendition) };
        var updated = pending.WithPlayableVideo(finished);
        await catalog.UpdateMediaDetailsAsync(Id, updated.Details);
        media = updated;
        await Library.MediaSaved(await ViewAsync(media));
        return true;
    }

    /// <summary>A media that joins the library (uploaded or restored) is grouped with similar photos and, if a video, made playable.</summary>
    private async Task StartBackgroundWorkAsync()
    {
        if (media is { PerceptualHash: not null } photo)
        {
            await GrainFactory.GetGrain<ISimilarityGrain>(photo.OwnerId).PhotoAdded(Id); // one-way: the caller does not wait
        }
        await StartPlaybackJobIfPendingAsync();
    }

    public async Task<Result<MediaView, GalleryFailure>> AttachMotion(Guid caller, MotionTransfer motion)
    {
        if (Mine(caller) is not { Kind: "image", Details.Motion: null } photo)
        {
            return Result<MediaView, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        media = photo with { Details = photo.Details with { Motion = MotionPart.From(motion) } };
        await catalog.UpdateMediaDetailsAsync(Id, media.Details);
        await StartPlaybackJobIfPendingAsync();
        var view = await ViewAsync(media);
        await Library.MediaSaved(view);
        return Result<MediaView, GalleryFailure>.Ok(view);
    }

    public async Task<MotionTransfer?> HandOverAsMotion(Guid caller)
    {
        if (Mine(caller) is not { Kind: "video", ContentIdentifier: not null, Details.Video: { } video } waiting)
        {
            return null;
        }
        var albumIds = await catalog.AlbumsOfAsync(Id);
        await catalog.DeleteMediaAsync(Id);
        await Library.MediaRemoved(Id, albumIds);
        media = null;
        // Its thumbnails stay: the photo keeps this row as the motion part's former video (LivePhotoPairing).
        DeactivateOnIdle();
        return new MotionPart(waiting.Details.Original, waiting.ContentType, video).ToTransfer();
    }

    public async Task<GalleryFailure> DetachMotion(Guid caller)
    {
        if (Mine(caller) is not { Details.Motion: { } motion } photo)
        {
            return GalleryFailure.NotFound;
        }
        media = photo with { Details = photo.Details with { Motion = null } };
        await catalog.UpdateMediaDetailsAsync(Id, media.Details);
        await Library.MediaSaved(await ViewAsync(media));
        await processor.DeleteFilesAsync(photo.OwnerId, motion.Files);
        return GalleryFailure.None;
    }

    public async Task<GalleryFailure> Discard(Guid caller, IReadOnlyList<Guid> sameRequest)
    {
        if (Mine(caller) is not { } mine)
        {
            return GalleryFailure.NotFound;
        }
        var handedBack = mine.Details.Motion is { FormerVideo: { } former } motion && !sameRequest.Contains(former.Id) ? motion : null;
        if (handedBack is not null)
        {
            // The photo lets go of the motion part before it is deleted, so its files stay for the video they came from.
            media = mine with { Details = mine.Details with { Motion = null } };
            await catalog.UpdateMediaDetailsAsync(Id, media.Details);
            await processor.DeleteFilesAsync(caller, handedBack.SharedCopy is { } copy ? [copy.File] : []);
        }
        await Delete(caller);
        await Purge(caller, null);
        if (handedBack?.FormerVideoAgain() is { } video)
        {
            // Only now: the photo's row held the content identifier, which one media of an owner may hold.
            await catalog.InsertMediaAsync(video);
            await GrainFactory.GetGrain<IMediaGrain>(video.Id).Reinstated(caller);
        }
        return GalleryFailure.None;
    }

    public async Task Reinstated(Guid caller)
    {
        media = await catalog.FindMediaAsync(Id);
        if (Mine(caller) is not null)
        {
            await Library.MediaSaved(await ViewAsync(media!));
            await StartBackgroundWorkAsync();
        }
    }

    private async Task StartPlaybackJobIfPendingAsync()
    {
        if (media is { Playable.Video.Playback: PlaybackStates.Pending })
        {
            await GrainFactory.GetGrain<IPlaybackGrain>(Id).Start();
        }
    }

    // The owner's library: it holds this media's view while it is among the newest, so every change of the view goes there.
    private ILibraryGrain Library => GrainFactory.GetGrain<ILibraryGrain>(media!.OwnerId);

    private MediaRecord? Mine(Guid caller) => media is { } found && found.OwnerId == caller ? found : null;

    // Membership changes in album grains, so it is read fresh rather than cached with the row.
    private async Task<MediaView> ViewAsync(MediaRecord record) => record.ToView(await catalog.AlbumsOfAsync(record.Id));

    private static string VideoFileName(MediaRecord media, string contentType) => Path.GetFileNameWithoutExtension(media.Name) + contentType switch
    {
        "video/quicktime" => ".mov",
        "video/webm" => ".webm",
        _ => ".mp4",
    };

    private static MediaContent Content(StoredFile file, string contentType, string name) =>
        new(file.ObjectLocation, file.Size, contentType, file.ETag, name);
}
