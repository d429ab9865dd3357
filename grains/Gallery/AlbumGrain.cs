using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Failures;

namespace GalleryOrleans.Grains.Gallery;

public sealed class AlbumGrain(GalleryCatalog catalog, TimeProvider clock) : Grain, IAlbumGrain
{
    private Guid? owner;

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        BoundaryExceptions.TranslateAsync(async () => owner = (await catalog.FindAlbumAsync(Id))?.Owner);

    public async Task<AlbumView> Create(Guid newOwner, string name, string type)
    {
        if (owner is not null)
        {
            throw new InvalidOperationException($"Album {Id} exists already.");
        }
        await catalog.InsertAlbumAsync(Id, newOwner, name, type, CatalogTime.Now(clock));
        owner = newOwner;
        var created = (await catalog.FindAlbumAsync(Id))!.Value.View;
        await Library(newOwner).AlbumSaved(created);
        return created;
    }

    public async Task<Result<AlbumView, GalleryFailure>> Get(Guid caller) =>
        owner == caller && await catalog.FindAlbumAsync(Id) is { } album
            ? Result<AlbumView, GalleryFailure>.Ok(album.View)
            : Result<AlbumView, GalleryFailure>.Fail(GalleryFailure.NotFound);

    public async Task<Result<AlbumView, GalleryFailure>> Update(Guid caller, AlbumChange change)
    {
        if (owner != caller || await catalog.FindAlbumAsync(Id) is not { } album)
        {
            return Result<AlbumView, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        var current = album.View;
        if (!await catalog.UpdateAlbumAsync(Id, change.Name ?? current.Name, change.Type ?? current.Type, change.CoverMediaId,
            change.Sort ?? current.Sort, CatalogTime.Now(clock)))
        {
            return Result<AlbumView, GalleryFailure>.Fail(GalleryFailure.NotFound, "The cover is not a photo of this album.");
        }
        var updated = await Get(caller);
        if (updated.Succeeded)
        {
            await Library(caller).AlbumSaved(updated.Value!);
        }
        return updated;
    }

    public async Task<GalleryFailure> Delete(Guid caller)
    {
        if (owner != caller)
        {
            return GalleryFailure.NotFound;
        }
        await catalog.DeleteAlbumAsync(Id);
        owner = null;
        await Library(caller).AlbumRemoved(Id);
        DeactivateOnIdle();
        return GalleryFailure.None;
    }

    public async Task<GalleryFailure> AddMedia(Guid caller, Guid mediaId)
    {
        if (owner != caller)
        {
            return GalleryFailure.NotFound;
        }
        var media = await GrainFactory.GetGrain<IMediaGrain>(mediaId).Get(caller);
        if (!media.Succeeded)
        {
            return GalleryFailure.NotFound;
        }
        await catalog.AddToAlbumAsync(Id, mediaId, media.Value!.CreatedAt, CatalogTime.Now(clock));
        await Library(caller).AlbumMembershipChanged(Id, mediaId, isMember: true);
        return GalleryFailure.None;
    }

    public async Task<GalleryFailure> RemoveMedia(Guid caller, Guid mediaId)
    {
        if (owner != caller || !await catalog.RemoveFromAlbumAsync(Id, mediaId, CatalogTime.Now(clock)))
        {
            return GalleryFailure.NotFound;
        }
        await Library(caller).AlbumMembershipChanged(Id, mediaId, isMember: false);
        return GalleryFailure.None;
    }

    private ILibraryGrain Library(Guid user) => GrainFactory.GetGrain<ILibraryGrain>(user);
}
