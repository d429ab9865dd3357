using GalleryOrleans.Abstractions.Storage;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Storage;

[StatelessWorker]
public sealed class BucketDirectoryGrain(BucketCatalog catalog) : Grain, IBucketDirectoryGrain
{
    public Task<IReadOnlyList<BucketInfo>> ListBuckets(Guid owner) => catalog.ListBucketsAsync(owner);
}
