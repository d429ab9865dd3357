namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// A page of the multipart uploads in progress in a bucket, ordered by key and then upload id, after
/// (<see cref="KeyMarker"/>, <see cref="UploadIdMarker"/>) as S3's key-marker and upload-id-marker mean it; with a
/// <see cref="Delimiter"/>, keys that share the part after the prefix up to it roll up into one common prefix.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ListUploadsRequest(
    [property: Id(0)] string Prefix,
    [property: Id(1)] string KeyMarker,
    [property: Id(2)] string UploadIdMarker,
    [property: Id(3)] int MaxUploads,
    [property: Id(4)] string Delimiter);

[GenerateSerializer, Immutable]
public sealed record UploadInProgress(
    [property: Id(0)] string Key,
    [property: Id(1)] string UploadId,
    [property: Id(2)] DateTime Initiated);

/// <summary>One page; the next markers name the page's last upload or common prefix when it is truncated.</summary>
[GenerateSerializer, Immutable]
public sealed record UploadListing(
    [property: Id(0)] IReadOnlyList<UploadInProgress> Uploads,
    [property: Id(1)] bool IsTruncated,
    [property: Id(2)] IReadOnlyList<string> CommonPrefixes,
    [property: Id(3)] string? NextKeyMarker,
    [property: Id(4)] string? NextUploadIdMarker);
