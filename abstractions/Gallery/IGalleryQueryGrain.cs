namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>Cursor-paged listings of a user's albums and media from the catalog; a stateless worker.</summary>
public interface IGalleryQueryGrain : IGrainWithIntegerKey
{
    Task<Page<AlbumView>> ListAlbums(Guid owner, string? cursor, int limit);

    /// <summary>NotFound when the query names an album that is not the owner's.</summary>
    Task<Result<Page<MediaView>, GalleryFailure>> ListMedia(Guid owner, MediaQuery query);

    Task<Page<ShareView>> ListShares(Guid owner, Guid? albumId, Guid? mediaId, string? cursor, int limit);
}
