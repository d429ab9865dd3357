using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Catalog;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>A user's trash: lists it and hands restores and deletions to each media's own grain, which checks ownership again.</summary>
public sealed class TrashGrain(TrashCatalog trash, TimeProvider clock) : Grain, ITrashGrain
{
    private Guid Owner => this.GetPrimaryKey();

    public Task<Page<MediaView>> List(string? cursor, int limit) => trash.ListAsync(Owner, GalleryCursor.Decode(cursor), limit);

    public async Task<GalleryFailure> Restore(IReadOnlyList<Guid> mediaIds)
    {
        var wanted = mediaIds.ToHashSet();
        if (!(await trash.HeldAsync(Owner, wanted)).SetEquals(wanted))
        {
            return GalleryFailure.NotFound;
        }
        foreach (var id in wanted)
        {
            await GrainFactory.GetGrain<IMediaGrain>(id).Restore(Owner);
        }
        return GalleryFailure.None;
    }

    // Only what is in the trash now: an item trashed while this runs is not emptied by a click that never saw it.
    public Task<int> Empty() => trash.ForEachTrashedBeforeAsync(Owner, CatalogTime.Now(clock), async batch =>
        (await Task.WhenAll(batch.Select(item => GrainFactory.GetGrain<IMediaGrain>(item.MediaId).Purge(Owner, null)))).Count(gone => gone));
}
