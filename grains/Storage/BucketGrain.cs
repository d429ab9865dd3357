using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Abstractions.Storage.Files;
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
    private GroupCommit<PendingPut, Result<ObjectInfo, StorageFailure>>? puts;
    private BucketInfo? bucket;
    private bool deleting;

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
        // Object writes interleave with this call; from here on they are refused, so none lands in a bucket going away.
        deleting = true;
        if ((await catalog.FindBucketAsync(Name))!.ObjectCount > 0)
        {
            deleting = false;
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

    public Task<Result<ObjectInfo, StorageFailure>> PutObject(
        Guid caller, string key, SealedObject sealedObject, ObjectProperties properties, WriteCondition condition)
    {
        var writer = GrainFactory.GetGrain<IObjectWriterGrain>(sealedObject.WriterId);
        return SubmitAsync(caller, new PendingPut(key, sealedObject.Size, sealedObject.ETag, sealedObject.Sha256Hex, properties, condition,
            () => writer.Publish(Name), writer.Discard));
    }

    public Task<Result<ObjectInfo, StorageFailure>> PublishStaged(
        Guid caller, string key, StagedObject staged, ObjectProperties properties, WriteCondition condition)
    {
        var source = layout.PathOfStaged(staged);
        return SubmitAsync(caller, new PendingPut(key, staged.Size, staged.ETag, staged.Sha256Hex, properties, condition,
            () => Task.Run(() =>
            {
                var location = layout.NewLocation(Name);
                DurableMove.Move(source, layout.PathOf(location));
                return location;
            }),
            () => Task.CompletedTask));
    }

    public async Task<Result<PutAllowance, StorageFailure>> BeginPut(Guid caller, string key, long? size)
    {
        var refused = CheckWrite(caller, key);
        if (refused != StorageFailure.None)
        {
            return Result<PutAllowance, StorageFailure>.Fail(refused);
        }
        if (options.UserQuotaBytes is not { } quota)
        {
            return Result<PutAllowance, StorageFailure>.Ok(new PutAllowance(null));
        }
        var replaced = await catalog.FindObjectAsync(Name, key);
        var left = quota - await catalog.StoredBytesOfOwnerAsync(bucket!.Owner) + (replaced?.Size ?? 0);
        return size > left
            ? Result<PutAllowance, StorageFailure>.Fail(StorageFailure.QuotaExceeded)
            : Result<PutAllowance, StorageFailure>.Ok(new PutAllowance(Math.Max(0, left)));
    }

    public async Task<Result<ObjectInfo, StorageFailure>> GetObject(Guid caller, string key)
    {
        var refused = Check(caller);
        if (refused != StorageFailure.None)
        {
            return Result<ObjectInfo, StorageFailure>.Fail(refused);
        }
        var info = recent.Find(key);
        if (info is null)
        {
            // Object writes interleave with this read: a row read while any of them changed the index is not cached.
            var changes = recent.Changes;
            info = await catalog.FindObjectAsync(Name, key);
            if (info is not null && recent.Changes == changes)
            {
                recent.Remember(info);
            }
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

    private Task<Result<ObjectInfo, StorageFailure>> SubmitAsync(Guid caller, PendingPut put)
    {
        var refused = CheckWrite(caller, put.Key);
        if (refused != StorageFailure.None)
        {
            return RefuseAsync(put, refused);
        }
        puts ??= new GroupCommit<PendingPut, Result<ObjectInfo, StorageFailure>>(
            batch => PutBatch.CommitAsync(batch, catalog, layout, recent, Name, bucket!.Owner, options.UserQuotaBytes, CatalogTime.Now(clock)));
        return puts.Submit(put);
    }

    private static async Task<Result<ObjectInfo, StorageFailure>> RefuseAsync(PendingPut put, StorageFailure refused)
    {
        await put.Discard();
        return Result<ObjectInfo, StorageFailure>.Fail(refused);
    }

    private StorageFailure CheckWrite(Guid caller, string key)
    {
        var refused = deleting ? StorageFailure.NoSuchBucket : Check(caller);
        return refused == StorageFailure.None && !BucketNames.IsValidKey(key) ? StorageFailure.InvalidArgument : refused;
    }

    private IObjectStoreGrain Store => GrainFactory.GetGrain<IObjectStoreGrain>(0);

    private StorageFailure Check(Guid caller) => bucket switch
    {
        null => StorageFailure.NoSuchBucket,
        { Owner: var owner } when owner != caller => StorageFailure.AccessDenied,
        _ => StorageFailure.None,
    };
}
