namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>Cursor-paged listings of a user's albums and media from the catalog; a stateless worker.</summary>
public interface IGalleryQueryGrain : IGrainWithIntegerKey
{
    Task<Page<AlbumView>> ListAlbums(Guid owner, string? cursor, int limit);

    /// <summary>NotFound when the query names an album that is not the owner's.</summary>
    Task<Result<Page<MediaView>, GalleryFailure>> ListMedia(Guid owner, MediaQuery query);

    /// <summary>Media counts per month of the taken-order timeline, newest first; NotFound for an album that is not the owner's.</summary>
    Task<Result<IReadOnlyList<TimelineBucket>, GalleryFailure>> TimelineBuckets(Guid owner, Guid? albumId, bool favoritesOnly);

    Task<Page<MediaView>> Search(Guid owner, MediaSearch search);

    Task<Page<ShareView>> ListShares(Guid owner, Guid? albumId, Guid? mediaId, string? cursor, int limit);
}
