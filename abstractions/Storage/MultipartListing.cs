namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// A page of the multipart uploads in progress in a bucket, ordered by key and then upload id, after
/// (<see cref="KeyMarker"/>, <see cref="UploadIdMarker"/>) as S3's key-marker and upload-id-marker mean it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ListUploadsRequest(
    [property: Id(0)] string Prefix,
    [property: Id(1)] string KeyMarker,
    [property: Id(2)] string UploadIdMarker,
    [property: Id(3)] int MaxUploads);

[GenerateSerializer, Immutable]
public sealed record UploadInProgress(
    [property: Id(0)] string Key,
    [property: Id(1)] string UploadId,
    [property: Id(2)] DateTime Initiated);

[GenerateSerializer, Immutable]
public sealed record UploadListing(
    [property: Id(0)] IReadOnlyList<UploadInProgress> Uploads,
    [property: Id(1)] bool IsTruncated);
