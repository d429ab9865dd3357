namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>Cursor-paged listings of a user's shares from the catalog; a stateless worker. Albums and media: <see cref="ILibraryGrain"/>.</summary>
public interface IGalleryQueryGrain : IGrainWithIntegerKey
{
    Task<Page<ShareView>> ListShares(Guid owner, Guid? albumId, Guid? mediaId, string? cursor, int limit);
}
