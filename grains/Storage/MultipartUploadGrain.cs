using GalleryOrleans.Abstractions;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Storage;

public sealed class MultipartUploadGrain(
    [PersistentState("multipart")] IPersistentState<MultipartState> state,
    MultipartCatalog index,
    BucketCatalog buckets,
    TimeProvider clock) : Grain, IMultipartUploadGrain
{
    private const long MinimumPartSize = 5L * 1024 * 1024;

    private MultipartState Upload => state.State;

    public async Task<StorageFailure> Initiate(Guid caller, string bucket, string key, ObjectProperties properties)
    {
        var access = await GrainFactory.GetGrain<IBucketGrain>(bucket).Get(caller);
        if (!access.Succeeded)
        {
            return access.Failure;
        }
        if (!BucketNames.IsValidKey(key))
        {
            return StorageFailure.InvalidArgument;
        }
        state.State = new MultipartState
        {
            Owner = caller,
            Bucket = bucket,
            Key = key,
            ContentType = properties.ContentType,
            Metadata = new Dictionary<string, string>(properties.Metadata),
            Headers = new Dictionary<string, string>(properties.Headers ?? new Dictionary<string, string>()),
            Initiated = CatalogTime.Now(clock),
            BucketCreated = access.Value!.CreatedAt,
        };
        await state.WriteStateAsync();
        await index.InsertAsync(bucket, key, this.GetPrimaryKeyString(), Upload.Initiated);
        return StorageFailure.None;
    }

    public async Task<Result<UploadedPart, StorageFailure>> UploadPart(Guid caller, string bucket, string key, int partNumber, SealedObject part)
    {
        var writer = GrainFactory.GetGrain<IObjectWriterGrain>(part.WriterId);
        var refused = await CheckAsync(caller, bucket, key);
        if (refused == StorageFailure.None && partNumber is < 1 or > 10_000)
        {
            refused = StorageFailure.InvalidArgument;
        }
        if (refused != StorageFailure.None)
        {
            await writer.Discard();
            return Result<UploadedPart, StorageFailure>.Fail(refused);
        }
        var location = await writer.Publish(bucket);
        var uploaded = new UploadedPart(partNumber, part.ETag, part.Size, clock.GetUtcNow().UtcDateTime);
        var replaced = Upload.Parts.GetValueOrDefault(partNumber);
        Upload.Parts[partNumber] = new StoredPart(uploaded, location);
        await state.WriteStateAsync();
        if (replaced is not null)
        {
            await Store.Delete(replaced.Location);
        }
        return Result<UploadedPart, StorageFailure>.Ok(uploaded);
    }

    public async Task<Result<MultipartUpload, StorageFailure>> Describe(Guid caller, string bucket, string key)
    {
        var refused = await CheckAsync(caller, bucket, key);
        return refused != StorageFailure.None
            ? Result<MultipartUpload, StorageFailure>.Fail(refused)
            : Result<MultipartUpload, StorageFailure>.Ok(new MultipartUpload(
                this.GetPrimaryKeyString(), bucket, key, Upload.Parts.Values.Select(p => p.Part).OrderBy(p => p.PartNumber).ToList()));
    }

    public async Task<Result<ObjectInfo, StorageFailure>> Complete(
        Guid caller, string bucket, string key, IReadOnlyList<PartReference> parts, WriteCondition condition)
    {
        var refused = await CheckAsync(caller, bucket, key);
        if (refused == StorageFailure.NoSuchUpload)
        {
            return await FindCompletedAsync(caller, bucket, key, parts);
        }
        if (refused == StorageFailure.None)
        {
            refused = Validate(parts);
        }
        if (refused != StorageFailure.None)
        {
            return Result<ObjectInfo, StorageFailure>.Fail(refused);
        }
        var chosen = parts.Select(p => Upload.Parts[p.PartNumber]).ToList();
        var joined = await JoinAsync(chosen);
        var stored = await GrainFactory.GetGrain<IBucketGrain>(bucket).PutObject(caller, key, joined.Value!,
            new ObjectProperties(Upload.ContentType, Upload.Metadata, Upload.Headers, chosen.Select(p => p.Part.Size).ToList()), condition);
        if (stored.Succeeded)
        {
            await DeletePartsAndForgetAsync();
        }
        return stored;
    }

    public async Task<StorageFailure> Abort(Guid caller, string bucket, string key)
    {
        var refused = await CheckAsync(caller, bucket, key);
        if (refused == StorageFailure.None)
        {
            await DeletePartsAndForgetAsync();
        }
        return refused;
    }

    public async Task<bool> Expire(DateTime cutoff)
    {
        if (!state.RecordExists)
        {
            // No upload behind this id: a row left without its upload would otherwise be swept for ever.
            await index.DeleteAsync(this.GetPrimaryKeyString());
            return false;
        }
        if (Upload.Initiated >= cutoff)
        {
            return false;
        }
        await DeletePartsAndForgetAsync();
        return true;
    }

    public async Task BucketDeleted(string bucket, DateTime bucketCreated)
    {
        if (state.RecordExists && Upload.Bucket == bucket && Upload.BucketCreated == bucketCreated)
        {
            await ForgetAsync();
        }
    }

    /// <summary>Copies the chosen parts into a new object on this silo; the writer is thrown away if that fails.</summary>
    private Task<Result<SealedObject, StorageFailure>> JoinAsync(IReadOnlyList<StoredPart> chosen) =>
        GrainFactory.SealNewAsync(async writer =>
        {
            await writer.BeginJoin(MultipartETag(chosen.Select(p => p.Part.ETag).ToList()));
            foreach (var part in chosen)
            {
                await writer.AppendFrom(part.Location, 0, part.Part.Size);
            }
            return await writer.Seal(chosen.Sum(p => p.Part.Size), null, null);
        });

    /// <summary>
    /// A repeated CompleteMultipartUpload of an upload already completed succeeds, as S3's does: the upload is gone, but
    /// the object at its key still carries the ETag those parts joined into.
    /// </summary>
    private async Task<Result<ObjectInfo, StorageFailure>> FindCompletedAsync(Guid caller, string bucket, string key, IReadOnlyList<PartReference> parts)
    {
        if (parts.Count == 0 || parts.Any(p => p.ETag.Trim('"').Length != 32 || !p.ETag.Trim('"').All(char.IsAsciiHexDigit)))
        {
            return Result<ObjectInfo, StorageFailure>.Fail(StorageFailure.NoSuchUpload);
        }
        var current = await GrainFactory.GetGrain<IBucketGrain>(bucket).GetObject(caller, key);
        var expected = MultipartETag(parts.Select(p => p.ETag.Trim('"')).ToList());
        return current.Succeeded && string.Equals(current.Value!.ETag, expected, StringComparison.OrdinalIgnoreCase) ? current : Result<ObjectInfo, StorageFailure>.Fail(StorageFailure.NoSuchUpload);
    }

    private StorageFailure Validate(IReadOnlyList<PartReference> parts)
    {
        if (parts.Count == 0)
        {
            return StorageFailure.InvalidPart;
        }
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0 && parts[i].PartNumber <= parts[i - 1].PartNumber)
            {
                return StorageFailure.InvalidPartOrder;
            }
            if (!Upload.Parts.TryGetValue(parts[i].PartNumber, out var stored)
                || !string.Equals(parts[i].ETag.Trim('"'), stored.Part.ETag, StringComparison.OrdinalIgnoreCase))
            {
                return StorageFailure.InvalidPart;
            }
            if (i < parts.Count - 1 && stored.Part.Size < MinimumPartSize)
            {
                return StorageFailure.EntityTooSmall;
            }
        }
        return StorageFailure.None;
    }

    private async Task DeletePartsAndForgetAsync()
    {
        foreach (var part in Upload.Parts.Values)
        {
            await Store.Delete(part.Location);
        }
        await ForgetAsync();
    }

    /// <summary>Drops the upload's row and state; its part files are gone or the caller deletes them.</summary>
    private async Task ForgetAsync()
    {
        await index.DeleteAsync(this.GetPrimaryKeyString());
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    private async Task<StorageFailure> CheckAsync(Guid caller, string bucket, string key)
    {
        var refused = !state.RecordExists || Upload.Bucket != bucket || Upload.Key != key ? StorageFailure.NoSuchUpload
            : Upload.Owner != caller ? StorageFailure.AccessDenied
            : StorageFailure.None;
        return refused == StorageFailure.None ? await CheckBucketAsync() : refused;
    }

    // The bucket's deletion took the upload with it (and its part files with the bucket's folder), even when the
    // message saying so has not arrived yet or the name now belongs to a new bucket, perhaps someone else's.
    private async Task<StorageFailure> CheckBucketAsync()
    {
        var current = await buckets.FindBucketAsync(Upload.Bucket);
        if (current is not null && current.Owner == Upload.Owner && current.CreatedAt == Upload.BucketCreated)
        {
            return StorageFailure.None;
        }
        await ForgetAsync();
        return current is null ? StorageFailure.NoSuchBucket : StorageFailure.NoSuchUpload;
    }

    // S3's multipart ETag: the MD5 of the parts' binary MD5s, then a dash and the part count.
    private static string MultipartETag(IReadOnlyList<string> partETags)
    {
        var digests = partETags.SelectMany(Convert.FromHexString).ToArray();
        return $"{Convert.ToHexStringLower(MD5.HashData(digests))}-{partETags.Count}";
    }

    private IObjectStoreGrain Store => GrainFactory.GetGrain<IObjectStoreGrain>(0);
}
