namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// S3's conditional writes, checked by the bucket grain as it records the object, so no other write can slip in
/// between the check and the write: <c>If-None-Match: *</c> stores only if the key is free (what lock files rely
/// on), <c>If-Match: etag</c> only over that version of the object.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WriteCondition([property: Id(0)] bool IfNoneMatch, [property: Id(1)] string? IfMatchETag)
{
    public static readonly WriteCondition None = new(false, null);
}
