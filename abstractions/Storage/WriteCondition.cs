namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// S3's conditional writes, checked by the bucket grain as it records the object, so no other write can slip in
/// between the check and the write: <c>If-None-Match: *</c> stores only if the key is free (what lock files rely
/// on), <c>If-Match: etag</c> only over that version of the object. <see cref="OutsideQuota"/> is never set by a
/// request: the gallery sets it for the copies it derives from an accepted upload (a share visitor's copy without
/// metadata, a video's browser rendition), which the owner's storage quota does not refuse.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WriteCondition([property: Id(0)] bool IfNoneMatch, [property: Id(1)] string? IfMatchETag, [property: Id(2)] bool OutsideQuota = false)
{
    public static readonly WriteCondition None = new(false, null);

    public static readonly WriteCondition DerivedCopy = new(false, null, OutsideQuota: true);

    public bool IsConditional => IfNoneMatch || IfMatchETag is not null;
}
