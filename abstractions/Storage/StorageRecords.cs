namespace GalleryOrleans.Abstractions.Storage;

/// <summary>Why a bucket or object operation was refused; the S3 listener maps these onto S3 error codes.</summary>
public enum StorageFailure
{
    None,
    NoSuchBucket,
    NoSuchKey,
    AccessDenied,
    BucketAlreadyExists,
    BucketAlreadyOwnedByYou,
    BucketNotEmpty,
    InvalidBucketName,
    BadDigest,
    NoSuchUpload,
    InvalidPart,
    InvalidPartOrder,
    EntityTooSmall,
    InvalidArgument,
    ContentSha256Mismatch,
    PreconditionFailed,
    QuotaExceeded,
}

[GenerateSerializer, Immutable]
public sealed record BucketInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] Guid Owner,
    [property: Id(2)] DateTime CreatedAt,
    [property: Id(3)] long ObjectCount,
    [property: Id(4)] long SizeBytes);

/// <summary>Where an object's bytes are: a file name under the storage root, never derived from the key.</summary>
[GenerateSerializer, Immutable]
public sealed record ObjectLocation([property: Id(0)] string RelativePath);

/// <summary>Bytes written and verified by an object writer, not yet visible under any key.</summary>
[GenerateSerializer, Immutable]
public sealed record SealedObject(
    [property: Id(0)] Guid WriterId,
    [property: Id(1)] long Size,
    [property: Id(2)] string ETag,
    [property: Id(3)] string Sha256Hex);

/// <summary>
/// What is kept with an object besides its bytes. <see cref="Headers"/> are the response headers stored as sent, by
/// lower-case name (Cache-Control, Content-Disposition, Content-Encoding, Content-Language, Expires and the verified
/// x-amz-checksum-*); <see cref="PartSizes"/> are the sizes of the parts a multipart object was joined from, in order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ObjectProperties(
    [property: Id(0)] string ContentType,
    [property: Id(1)] IReadOnlyDictionary<string, string> Metadata,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Headers = null,
    [property: Id(3)] IReadOnlyList<long>? PartSizes = null);

[GenerateSerializer, Immutable]
public sealed record ObjectInfo(
    [property: Id(0)] string Bucket,
    [property: Id(1)] string Key,
    [property: Id(2)] long Size,
    [property: Id(3)] string ETag,
    [property: Id(4)] string Sha256Hex,
    [property: Id(5)] string ContentType,
    [property: Id(6)] IReadOnlyDictionary<string, string> Metadata,
    [property: Id(7)] DateTime LastModified,
    [property: Id(8)] ObjectLocation Location,
    [property: Id(9)] IReadOnlyDictionary<string, string> Headers,
    [property: Id(10)] IReadOnlyList<long> PartSizes);

[GenerateSerializer, Immutable]
public sealed record ListObjectsRequest(
    [property: Id(0)] string Prefix,
    [property: Id(1)] string? Delimiter,
    [property: Id(2)] string? After,
    [property: Id(3)] int MaxKeys);

[GenerateSerializer, Immutable]
public sealed record ObjectListing(
    [property: Id(0)] IReadOnlyList<ObjectInfo> Objects,
    [property: Id(1)] IReadOnlyList<string> CommonPrefixes,
    [property: Id(2)] bool IsTruncated,
    [property: Id(3)] string? NextAfter);

[GenerateSerializer, Immutable]
public sealed record UploadedPart(
    [property: Id(0)] int PartNumber,
    [property: Id(1)] string ETag,
    [property: Id(2)] long Size,
    [property: Id(3)] DateTime LastModified);

[GenerateSerializer, Immutable]
public sealed record PartReference([property: Id(0)] int PartNumber, [property: Id(1)] string ETag);

[GenerateSerializer, Immutable]
public sealed record MultipartUpload(
    [property: Id(0)] string UploadId,
    [property: Id(1)] string Bucket,
    [property: Id(2)] string Key,
    [property: Id(3)] IReadOnlyList<UploadedPart> Parts);
