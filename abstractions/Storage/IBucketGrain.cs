using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// One bucket, keyed by its name: owner, settings, and the object index (kept in the catalog table,
/// not in grain state). Every call names the calling user; anyone but the owner gets AccessDenied.
/// Reads of the index change nothing in the grain, so they run side by side. Writes of objects interleave too: the
/// grain records those that arrive together in one catalog transaction (group commit).
/// </summary>
public interface IBucketGrain : IGrainWithStringKey
{
    Task<Result<BucketInfo, StorageFailure>> Create(Guid caller);

    Task<Result<BucketInfo, StorageFailure>> Get(Guid caller);

    Task<StorageFailure> Delete(Guid caller);

    /// <summary>
    /// Makes sealed bytes visible under a key, replacing (and deleting) what was there, if <paramref name="condition"/>
    /// holds; otherwise PreconditionFailed (or NoSuchKey for If-Match on a free key) and the sealed bytes are discarded.
    /// </summary>
    [AlwaysInterleave]
    Task<Result<ObjectInfo, StorageFailure>> PutObject(
        Guid caller, string key, SealedObject sealedObject, ObjectProperties properties, WriteCondition condition);

    /// <summary>
    /// Asked before the body of a write is read: whether the caller may write <paramref name="key"/> here at all, and
    /// how many bytes the owner's quota leaves for it (null: no quota). A declared <paramref name="size"/> over that
    /// is refused with QuotaExceeded at once. <see cref="PublishStaged"/> checks again, as other writes may land first.
    /// </summary>
    [AlwaysInterleave]
    Task<Result<PutAllowance, StorageFailure>> BeginPut(Guid caller, string key, long? size);

    /// <summary>
    /// As <see cref="PutObject"/>, for bytes a gateway staged under the storage root itself: the file is renamed into
    /// the bucket's folder and recorded, both durable before the answer. On a refusal the staged file is left to the
    /// caller, which deletes it.
    /// </summary>
    [AlwaysInterleave]
    Task<Result<ObjectInfo, StorageFailure>> PublishStaged(
        Guid caller, string key, StagedObject staged, ObjectProperties properties, WriteCondition condition);

    [ReadOnly]
    Task<Result<ObjectInfo, StorageFailure>> GetObject(Guid caller, string key);

    Task<StorageFailure> DeleteObject(Guid caller, string key);

    [ReadOnly]
    Task<Result<ObjectListing, StorageFailure>> List(Guid caller, ListObjectsRequest request);

    /// <summary>The multipart uploads in progress in this bucket (ListMultipartUploads).</summary>
    [ReadOnly]
    Task<Result<UploadListing, StorageFailure>> ListUploads(Guid caller, ListUploadsRequest request);
}
