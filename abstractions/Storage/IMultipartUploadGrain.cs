using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// One S3 multipart upload, keyed by its upload id. Parts are published as files of the bucket and
/// joined on the silo at completion; only the owner of the bucket may touch it.
/// </summary>
public interface IMultipartUploadGrain : IGrainWithStringKey
{
    Task<StorageFailure> Initiate(Guid caller, string bucket, string key, ObjectProperties properties);

    Task<Result<UploadedPart, StorageFailure>> UploadPart(Guid caller, string bucket, string key, int partNumber, SealedObject part);

    Task<Result<MultipartUpload, StorageFailure>> Describe(Guid caller, string bucket, string key);

    /// <summary>Joins the parts into the object if <paramref name="condition"/> holds when it is recorded; the upload stays otherwise.</summary>
    Task<Result<ObjectInfo, StorageFailure>> Complete(
        Guid caller, string bucket, string key, IReadOnlyList<PartReference> parts, WriteCondition condition);

    Task<StorageFailure> Abort(Guid caller, string bucket, string key);

    /// <summary>
    /// Told by a bucket being deleted: forgets the upload if it belongs to that bucket (the one created at
    /// <paramref name="bucketCreated"/>). One-way, so the bucket never waits on an upload that waits on it.
    /// </summary>
    [OneWay]
    Task BucketDeleted(string bucket, DateTime bucketCreated);

    /// <summary>Aborts the upload, whoever owns it, if it was started before <paramref name="cutoff"/>.</summary>
    Task<bool> Expire(DateTime cutoff);
}
