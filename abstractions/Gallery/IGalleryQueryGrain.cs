namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>Catalog reads that no grain holds in memory (shares, the timeline summary, search); a stateless worker. Albums and media pages: <see cref="ILibraryGrain"/>.</summary>
public interface IGalleryQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Media counts per month of the taken-order timeline, newest first; NotFound for an album that is not the owner's.</summary>
    Task<Result<IReadOnlyList<TimelineBucket>, GalleryFailure>> TimelineBuckets(Guid owner, Guid? albumId, bool favoritesOnly);

    Task<Page<MediaView>> Search(Guid owner, MediaSearch search);

    Task<Page<ShareView>> ListShares(Guid owner, Guid? albumId, Guid? mediaId, string? cursor, int limit);
}
