using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Gallery;

[StatelessWorker]
public sealed class GalleryQueryGrain(ShareCatalog shares, ShareViews views, TimeProvider clock) : Grain, IGalleryQueryGrain
{
    public async Task<Page<ShareView>> ListShares(Guid owner, Guid? albumId, Guid? mediaId, string? cursor, int limit)
    {
        var rows = await shares.ListAsync(owner, albumId, mediaId, GalleryCursor.Decode(cursor), limit + 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var page = rows.Take(limit).Select(row => views.View(row, now)).ToList();
        return new Page<ShareView>(page, rows.Count > limit ? new GalleryCursor(page[^1].CreatedAt, Guid.Empty).Encode() : null);
    }
}
