namespace GalleryOrleans.Abstractions.Storage;

/// <summary>Queries across buckets (a user's bucket list), read from the catalog; a stateless worker.</summary>
public interface IBucketDirectoryGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<BucketInfo>> ListBuckets(Guid owner);
}
