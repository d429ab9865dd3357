using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Failures;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// A bucket: its row and object index in the catalog, its folder under the storage root. Being the one
/// writer of both, it keeps counts and replacements consistent without locks.
/// </summary>
public sealed class BucketGrain(BucketCatalog catalog, MultipartCatalog uploads, StorageLayout layout, StorageOptions options, TimeProvider clock)
    : Grain, IBucketGrain
{
    private readonly RecentObjects recent = new();
    private BucketInfo? bucket;

    private string Name => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        BoundaryExceptions.TranslateAsync(async () => bucket = await catalog.FindBucketAsync(Name));

    public async Task<Result<BucketInfo, StorageFailure>> Create(Guid caller)
    {
        if (bucket is not null)
        {
            return Result<BucketInfo, StorageFailure>.Fail(
                bucket.Owner == caller ? StorageFailure.BucketAlreadyOwnedByYou : StorageFailure.BucketAlreadyExists);
        }
        var reserved = Name.StartsWith(BucketNames.ReservedPrefix, StringComparison.Ordinal) && Name != BucketNames.DefaultFor(caller);
        if (!BucketNames.IsValid(Name) || reserved)
        {
            return Result<BucketInfo, StorageFailure>.Fail(StorageFailure.InvalidBucketName);
        }
        Directory.CreateDirectory(layout.BucketDirectory(Name));
        var created = new BucketInfo(Name, caller, CatalogTime.Now(clock), 0, 0);
        await catalog.InsertBucketAsync(created);
        bucket = created;
        return Result<BucketInfo, StorageFailure>.Ok(created);
    }

    public async Task<Result<BucketInfo, StorageFailure>> Get(Guid caller)
    {
        var refused = Check(caller);
        if (refused != StorageFailure.None)
        {
            return Result<BucketInfo, StorageFailure>.Fail(refused);
        }
        bucket = await catalog.FindBucketAsync(Name);
        return Result<BucketInfo, StorageFailure>.Ok(bucket!);
    }

    public async Task<StorageFailure> Delete(Guid caller)
    {
        var refused = Check(caller);
        if (refused != StorageFailure.None)
        {
            return refused;
        }
        if ((await catalog.FindBucketAsync(Name))!.ObjectCount > 0)
        {
            return StorageFailure.BucketNotEmpty;
        }
        // As in S3, uploads in progress die with their bucket: their rows here, their part files with the folder.
        var aborted = await uploads.DeleteInBucketAsync(Name);
        await catalog.DeleteBucketAsync(Name);
        var directory = layout.BucketDirectory(Name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        foreach (var uploadId in aborted)
        {
            await GrainFactory.GetGrain<IMultipartUploadGrain>(uploadId).BucketDeleted(Name, bucket!.CreatedAt);
        }
        bucket = null;
        recent.Clear();
        DeactivateOnIdle();
        return StorageFailure.None;
    }

    public async Task<Result<ObjectInfo, StorageFailure>> PutObject(
        Guid caller, string key, SealedObject sealedObject, ObjectProperties properties, WriteCondition condition)
    {
        var writer = GrainFactory.GetGrain<IObjectWriterGrain>(sealedObject.WriterId);
        var refused = Check(caller);
        if (refused == StorageFailure.None && !BucketNames.IsValidKey(key))
        {
            refused = StorageFailure.InvalidArgument;
        }
        if (refused == StorageFailure.None && condition.IsConditional)
        {
            refused = await CheckConditionAsync(key, condition);
        }
        if (refused == StorageFailure.None && !condition.OutsideQuota && options.UserQuotaBytes is { } quota)
        {
            refused = await CheckQuotaAsync(key, sealedObject.Size, quota);
        }
        if (refused != StorageFailure.None)
        {
            await writer.Discard();
            return Result<ObjectInfo, StorageFailure>.Fail(refused);
        }
        var location = await writer.Publish(Name);
        var info = new ObjectInfo(Name, key, sealedObject.Size, sealedObject.ETag, sealedObject.Sha256Hex,
            properties.ContentType, properties.Metadata, CatalogTime.Now(clock), location,
            properties.Headers ?? new Dictionary<string, string>(), properties.PartSizes ?? []);
        ObjectInfo? replaced;
        recent.Forget(key);
        try
        {
            replaced = await catalog.UpsertObjectAsync(info);
        }
        catch
        {
            await Store.Delete(location);
            throw;
        }
        recent.Remember(info);
        if (replaced is not null)
        {
            await Store.Delete(replaced.Location);
        }
        return Result<ObjectInfo, StorageFailure>.Ok(info);
    }

    public async Task<Result<ObjectInfo, StorageFailure>> GetObject(Guid caller, string key)
    {
        var refused = Check(caller);
        if (refused != StorageFailure.None)
        {
            return Result<ObjectInfo, StorageFailure>.Fail(refused);
        }
        var info = recent.Find(key);
        if (info is null && await catalog.FindObjectAsync(Name, key) is { } found)
        {
            recent.Remember(info = found);
        }
        return info is null ? Result<ObjectInfo, StorageFailure>.Fail(StorageFailure.NoSuchKey) : Result<ObjectInfo, StorageFailure>.Ok(info);
    }

    public async Task<StorageFailure> DeleteObject(Guid caller, string key)
    {
        var refused = Check(caller);
        if (refused != StorageFailure.None)
        {
            return refused;
        }
        recent.Forget(key);
        if (await catalog.DeleteObjectAsync(Name, key) is { } deleted)
        {
            await Store.Delete(deleted.Location);
        }
        return StorageFailure.None;
    }

    public async Task<Result<ObjectListing, StorageFailure>> List(Guid caller, ListObjectsRequest request)
    {
        var refused = Check(caller);
        if (refused != StorageFailure.None)
        {
            return Result<ObjectListing, StorageFailure>.Fail(refused);
        }
        return Result<ObjectListing, StorageFailure>.Ok(await ObjectLister.ListAsync(catalog, Name, request));
    }

    public async Task<Result<UploadListing, StorageFailure>> ListUploads(Guid caller, ListUploadsRequest request)
    {
        var refused = Check(caller);
        return refused != StorageFailure.None
            ? Result<UploadListing, StorageFailure>.Fail(refused)
            : Result<UploadListing, StorageFailure>.Ok(await UploadLister.ListAsync(uploads, Name, request));
    }

    private async Task<StorageFailure> CheckConditionAsync(string key, WriteCondition condition)
    {
        var current = await catalog.FindObjectAsync(Name, key);
        return current switch
        {
            not null when condition.IfNoneMatch => StorageFailure.PreconditionFailed,
            null when condition.IfMatchETag is not null => StorageFailure.NoSuchKey,
            not null when condition.IfMatchETag is { } etag && !string.Equals(etag, current.ETag, StringComparison.OrdinalIgnoreCase)
                => StorageFailure.PreconditionFailed,
            _ => StorageFailure.None,
        };
    }

    /// <summary>Whether the owner's stored bytes, with this object in place of any it replaces, stay within the quota.</summary>
    private async Task<StorageFailure> CheckQuotaAsync(string key, long size, long quota)
    {
        var replaced = await catalog.FindObjectAsync(Name, key);
        var after = await catalog.StoredBytesOfOwnerAsync(bucket!.Owner) - (replaced?.Size ?? 0) + size;
        return after > quota ? StorageFailure.QuotaExceeded : StorageFailure.None;
    }

    private IObjectStoreGrain Store => GrainFactory.GetGrain<IObjectStoreGrain>(0);

    private StorageFailure Check(Guid caller) => bucket switch
    {
        null => StorageFailure.NoSuchBucket,
        { Owner: var owner } when owner != caller => StorageFailure.AccessDenied,
        _ => StorageFailure.None,
    };
}
