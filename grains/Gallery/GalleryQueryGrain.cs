using GalleryOrleans.Abstractions.Gallery;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Gallery;

[StatelessWorker]
public sealed class GalleryQueryGrain(GalleryCatalog catalog) : Grain, IGalleryQueryGrain
{
    public Task<Page<AlbumView>> ListAlbums(Guid owner, string? cursor, int limit) =>
        catalog.ListAlbumsAsync(owner, GalleryCursor.Decode(cursor), limit);

    public async Task<GalleryResult<Page<MediaView>>> ListMedia(Guid owner, MediaQuery query)
    {
        if (query.AlbumId is { } albumId && !(await GrainFactory.GetGrain<IAlbumGrain>(albumId).Get(owner)).Succeeded)
        {
            return GalleryResult<Page<MediaView>>.Fail(GalleryFailure.NotFound);
        }
        var (items, next) = await catalog.ListMediaAsync(owner, query.AlbumId, query.FavoritesOnly, GalleryCursor.Decode(query.Cursor), query.Limit);
        return GalleryResult<Page<MediaView>>.Ok(new Page<MediaView>(items.Select(m => m.ToView(m.AlbumIds)).ToList(), next));
    }
}
