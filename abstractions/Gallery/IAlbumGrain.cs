namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>One album, keyed by its id; membership lives in the catalog. Another user's album is NotFound.</summary>
public interface IAlbumGrain : IGrainWithGuidKey
{
    Task<AlbumView> Create(Guid owner, string name, string type);

    Task<Result<AlbumView, GalleryFailure>> Get(Guid caller);

    /// <summary>NotFound also when the new cover is not a member of the album.</summary>
    Task<Result<AlbumView, GalleryFailure>> Update(Guid caller, AlbumChange change);

    Task<GalleryFailure> Delete(Guid caller);

    Task<GalleryFailure> AddMedia(Guid caller, Guid mediaId);

    Task<GalleryFailure> RemoveMedia(Guid caller, Guid mediaId);
}
