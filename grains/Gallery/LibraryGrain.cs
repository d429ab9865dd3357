using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// A user's albums and newest media in memory (see <see cref="ILibraryGrain"/>). Listings interleave and only read;
/// the update hooks run one at a time, so a hook that reads the catalog applies what it read before the next one.
/// </summary>
public sealed class LibraryGrain(GalleryCatalog catalog, LibraryOptions options, ILogger<LibraryGrain> logger) : Grain, ILibraryGrain
{
    private readonly LibraryWindow<AlbumView> albums = new(options.WindowSize, a => new GalleryCursor(a.CreatedAt, a.Id), a => a.Id);
    private readonly LibraryWindow<MediaView> media = new(options.WindowSize, m => new GalleryCursor(m.CreatedAt, m.Id), m => m.Id);
    private readonly LibraryPages pages = new();
    private Task? loading;

    private Guid Owner => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadedAsync();

    public async Task<LibraryPage> AlbumsPage(string? cursor, int limit, long heldVersion)
    {
        await LoadedAsync();
        var after = GalleryCursor.Decode(cursor);
        return pages.Answer((cursor, limit), heldVersion, () => albums.PageAfter(after, limit, _ => true))
            ?? LibraryPages.FromCatalog(await catalog.ListAlbumsAsync(Owner, after, limit));
    }

    public async Task<Result<LibraryPage, GalleryFailure>> MediaPage(MediaQuery query, long heldVersion)
    {
        if (!await MayListAsync(query))
        {
            return Result<LibraryPage, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        var after = GalleryCursor.Decode(query.Cursor);
        return Result<LibraryPage, GalleryFailure>.Ok(
            pages.Answer(query, heldVersion, () => MediaFromMemory(query, after)) ?? LibraryPages.FromCatalog(await MediaFromCatalogAsync(query, after)));
    }

    public async Task<Result<Page<MediaView>, GalleryFailure>> ListMedia(MediaQuery query)
    {
        if (!await MayListAsync(query))
        {
            return Result<Page<MediaView>, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        var after = GalleryCursor.Decode(query.Cursor);
        return Result<Page<MediaView>, GalleryFailure>.Ok(MediaFromMemory(query, after) ?? await MediaFromCatalogAsync(query, after));
    }

    public Task MediaSaved(MediaView saved) => ApplyAsync(() =>
    {
        // Membership reaches this grain through AlbumMembershipChanged, in order; a media's own writer may hold an older list.
        var albumIds = media.Find(saved.Id)?.AlbumIds ?? saved.AlbumIds;
        media.Save(saved with { AlbumIds = albumIds });
        return Task.CompletedTask;
    });

    public Task MediaRemoved(Guid mediaId, IReadOnlyList<Guid> albumIds) => ApplyAsync(async () =>
    {
        media.Remove(mediaId);
        await RefreshAlbumsAsync(albumIds);
    });

    public Task AlbumSaved(AlbumView album) => ApplyAsync(() =>
    {
        albums.Save(album);
        return Task.CompletedTask;
    });

    public Task AlbumRemoved(Guid albumId) => ApplyAsync(() =>
    {
        albums.Remove(albumId);
        foreach (var member in media.Items.Where(m => m.AlbumIds.Contains(albumId)).ToList())
        {
            media.Replace(member.Id, m => m with { AlbumIds = m.AlbumIds.Where(id => id != albumId).ToList() });
        }
        return Task.CompletedTask;
    });

    public Task AlbumMembershipChanged(Guid albumId, Guid mediaId, bool isMember) => ApplyAsync(async () =>
    {
        media.Replace(mediaId, m => m with
        {
            // Sorted as the catalog lists a media's albums.
            AlbumIds = (isMember ? m.AlbumIds.Append(albumId).Distinct() : m.AlbumIds.Where(id => id != albumId)).Order().ToList(),
        });
        await RefreshAlbumsAsync([albumId]);
    });

    /// <summary>
    /// Applies a change once the listings are loaded. Before that, or when loading failed, there is nothing to
    /// change: the next load reads the catalog after the writer's commit. A change that fails half-way leaves the
    /// listings unknown, so they are read again before the next answer; the writer's own write stands either way.
    /// </summary>
    private async Task ApplyAsync(Func<Task> change)
    {
        if (loading is not { } load)
        {
            return;
        }
        try
        {
            await load;
        }
        catch (Exception) when (!load.IsCompletedSuccessfully)
        {
            return; // the read that started the load got the error and loads again
        }
        pages.Invalidate();
        try
        {
            await change();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Library {Owner} could not apply a change; it reloads from the catalog", Owner);
            loading = null;
        }
        finally
        {
            // Listings that interleaved with a change that awaited saw it half-done: their pages go too.
            pages.Invalidate();
        }
    }

    private Task LoadedAsync()
    {
        if (loading is not { IsFaulted: false })
        {
            loading = LoadAsync();
        }
        return loading;
    }

    private async Task LoadAsync()
    {
        var newestAlbums = await catalog.ListAlbumsAsync(Owner, null, options.WindowSize);
        var (newestMedia, moreMedia) = await catalog.ListMediaAsync(Owner, new MediaQuery(null, false, null, options.WindowSize), null);
        albums.Reset(newestAlbums.Items, newestAlbums.NextCursor is null);
        media.Reset(newestMedia.Select(m => m.ToView(m.AlbumIds)), moreMedia is null);
        pages.Invalidate();
    }

    // Counts and covers follow membership in ways only the catalog knows (the next newest member becomes the cover).
    private async Task RefreshAlbumsAsync(IEnumerable<Guid> albumIds)
    {
        foreach (var albumId in albumIds.Where(id => albums.Find(id) is not null))
        {
            if (await catalog.FindAlbumAsync(albumId) is { } found)
            {
                albums.Save(found.View);
            }
            else
            {
                albums.Remove(albumId);
            }
        }
    }

    /// <summary>Loads the listings; false when the query names an album that is not this user's.</summary>
    private async Task<bool> MayListAsync(MediaQuery query)
    {
        await LoadedAsync();
        return query.AlbumId is not { } albumId || await OwnsAlbumAsync(albumId);
    }

    // The window is kept in upload order; the taken-date timeline always reads the catalog's index.
    private Page<MediaView>? MediaFromMemory(MediaQuery query, GalleryCursor? after) => query.Order == MediaOrder.Uploaded
        ? media.PageAfter(after, query.Limit, m => (!query.FavoritesOnly || m.IsFavorite) && (query.AlbumId is not { } album || m.AlbumIds.Contains(album)))
        : null;

    private async Task<Page<MediaView>> MediaFromCatalogAsync(MediaQuery query, GalleryCursor? after)
    {
        var (items, next) = await catalog.ListMediaAsync(Owner, query, after);
        return new Page<MediaView>(items.Select(m => m.ToView(m.AlbumIds)).ToList(), next);
    }

    private async Task<bool> OwnsAlbumAsync(Guid albumId) =>
        albums.Find(albumId) is not null
        || (!albums.IsComplete && (await GrainFactory.GetGrain<IAlbumGrain>(albumId).Get(Owner)).Succeeded);
}
