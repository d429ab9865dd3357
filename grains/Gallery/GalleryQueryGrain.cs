using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Gallery;

[StatelessWorker]
public sealed class GalleryQueryGrain(GalleryCatalog catalog, SearchCatalog search, ShareCatalog shares, ShareViews views, TimeProvider clock) : Grain, IGalleryQueryGrain
{
    public async Task<Page<ShareView>> ListShares(Guid owner, Guid? albumId, Guid? mediaId, string? cursor, int limit)
    {
        var rows = await shares.ListAsync(owner, albumId, mediaId, GalleryCursor.Decode(cursor), limit + 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var page = rows.Take(limit).Select(row => views.View(row, now)).ToList();
        return new Page<ShareView>(page, rows.Count > limit ? new GalleryCursor(page[^1].CreatedAt, Guid.Empty).Encode() : null);
    }

    public async Task<Result<IReadOnlyList<TimelineBucket>, GalleryFailure>> TimelineBuckets(Guid owner, Guid? albumId, bool favoritesOnly) =>
        await OwnsAlbumOrNone(owner, albumId)
            ? Result<IReadOnlyList<TimelineBucket>, GalleryFailure>.Ok(await catalog.TimelineBucketsAsync(owner, albumId, favoritesOnly))
            : Result<IReadOnlyList<TimelineBucket>, GalleryFailure>.Fail(GalleryFailure.NotFound);

    public async Task<Page<MediaView>> Search(Guid owner, MediaSearch query)
    {
        var (items, next) = await search.SearchAsync(owner, query, GalleryCursor.Decode(query.Cursor));
        return new Page<MediaView>(items.Select(m => m.ToView(m.AlbumIds)).ToList(), next);
    }

    private async Task<bool> OwnsAlbumOrNone(Guid owner, Guid? albumId) =>
        albumId is not { } id || (await GrainFactory.GetGrain<IAlbumGrain>(id).Get(owner)).Succeeded;
}
