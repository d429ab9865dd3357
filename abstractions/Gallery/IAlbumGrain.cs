namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>One album, keyed by its id; membership lives in the catalog. Another user's album is NotFound.</summary>
public interface IAlbumGrain : IGrainWithGuidKey
{
    Task<AlbumView> Create(Guid owner, string name, string type);

    Task<GalleryResult<AlbumView>> Get(Guid caller);

    Task<GalleryResult<AlbumView>> Update(Guid caller, string? name, string? type);

    Task<GalleryFailure> Delete(Guid caller);

    Task<GalleryFailure> AddMedia(Guid caller, Guid mediaId);

    Task<GalleryFailure> RemoveMedia(Guid caller, Guid mediaId);
}
