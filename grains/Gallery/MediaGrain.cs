using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Failures;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Grains.Gallery;

public sealed class MediaGrain(GalleryCatalog catalog, MediaProcessor processor, SharedCopyMaker copies, TimeProvider clock) : Grain, IMediaGrain
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
        await catalog.InsertMediaAsync(processed.Value!);
        media = processed.Value;
        await Library.MediaSaved(media!.ToView([])); // new: in no album yet
        if (media!.PerceptualHash is not null)
        {
            await GrainFactory.GetGrain<ISimilarityGrain>(owner).PhotoAdded(Id); // one-way: the upload does not wait
        }
        await StartPlaybackJobIfPendingAsync();
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
        if (Mine(caller) is not { } mine)
        {
            return GalleryFailure.NotFound;
        }
        var albumIds = await catalog.AlbumsOfAsync(Id);
        await catalog.DeleteMediaAsync(Id);
        await Library.MediaRemoved(Id, albumIds);
        media = null;
        await processor.DeleteFilesAsync(mine.OwnerId, mine.Details);
        DeactivateOnIdle();
        return GalleryFailure.None;
    }

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
            try
            {
                copy = await copies.MakeAsync(mine);
            }
            catch (UnreadableMediaException error)
            {
                return Result<MediaContent, GalleryFailure>.Fail(
                    error.Reason == UnreadableMediaReason.Unsupported ? GalleryFailure.UnsupportedMedia : GalleryFailure.Unreadable, error.Message);
            }
            media = mine with { Details = mine.Details with { SharedCopy = copy } };
            await catalog.UpdateMediaDetailsAsync(Id, media.Details);
        }
        return Result<MediaContent, GalleryFailure>.Ok(Content(copy.File, copy.ContentType, Path.ChangeExtension(mine.Name, copy.Suffix)));
    }

    public Task<Result<MediaContent, GalleryFailure>> Thumbnail(Guid caller, int size)
    {
        if (Mine(caller) is not { Details.Thumbnails.Count: > 0 } mine)
        {
            return Task.FromResult(Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound));
        }
        var nearest = mine.Details.Thumbnails.OrderBy(t => Math.Abs(t.Key - size)).ThenByDescending(t => t.Key).First();
        var name = $"{Path.GetFileNameWithoutExtension(mine.Name)}-{nearest.Key}.webp";
        return Task.FromResult(Result<MediaContent, GalleryFailure>.Ok(Content(nearest.Value, "image/webp", name)));
    }

    public Task<Result<MediaContent, GalleryFailure>> Playback(Guid caller) => Task.FromResult(Mine(caller) switch
    {
        { Details.Video: { Playback: PlaybackStates.Ready } video } mine => Result<MediaContent, GalleryFailure>.Ok(video.Rendition is { } rendition
            ? Content(rendition, "video/mp4", Path.GetFileNameWithoutExtension(mine.Name) + ".mp4")
            : Content(mine.Details.Original, mine.ContentType, mine.Name)),
        { Details.Video.Playback: PlaybackStates.Pending } => Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotReady,
            "The video is being converted for browsers; try again shortly."),
        { Details.Video.Playback: PlaybackStates.Failed } => Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotReady,
            "The video could not be converted for browsers; download the original instead."),
        _ => Result<MediaContent, GalleryFailure>.Fail(GalleryFailure.NotFound),
    });

    public Task<PlaybackSource?> PendingPlayback() => Task.FromResult(media is { Details.Video.Playback: PlaybackStates.Pending } pending
        ? new PlaybackSource(pending.OwnerId, pending.Details.Original.ObjectLocation)
        : null);

    public async Task<bool> FinishPlayback(PlaybackRendition? rendition)
    {
        if (media is not { Details.Video: { Playback: PlaybackStates.Pending } video } pending)
        {
            return false;
        }
        var finished = rendition is null
            ? video with { Playback = PlaybackStates.Failed }
            : video with { Playback = PlaybackStates.Ready, Rendition = new StoredFile(rendition.Key, rendition.Location.RelativePath, rendition.Size, rendition.ETag) };
        var details = pending.Details with { Video = finished };
        await catalog.UpdateMediaDetailsAsync(Id, details);
        media = pending with { Details = details };
        await Library.MediaSaved(await ViewAsync(media));
        return true;
    }

    private async Task StartPlaybackJobIfPendingAsync()
    {
        if (media is { Details.Video.Playback: PlaybackStates.Pending })
        {
            await GrainFactory.GetGrain<IPlaybackGrain>(Id).Start();
        }
    }

    // The owner's library: it holds this media's view while it is among the newest, so every change of the view goes there.
    private ILibraryGrain Library => GrainFactory.GetGrain<ILibraryGrain>(media!.OwnerId);

    private MediaRecord? Mine(Guid caller) => media is { } found && found.OwnerId == caller ? found : null;

    // Membership changes in album grains, so it is read fresh rather than cached with the row.
    private async Task<MediaView> ViewAsync(MediaRecord record) => record.ToView(await catalog.AlbumsOfAsync(record.Id));

    private static MediaContent Content(StoredFile file, string contentType, string name) =>
        new(file.ObjectLocation, file.Size, contentType, file.ETag, name);
}
