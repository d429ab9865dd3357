using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// An object waiting in its bucket grain's group commit: its bytes are durable but not visible yet. <see cref="Place"/>
/// moves them into the bucket's folder (durably) and answers where; <see cref="Discard"/> drops them after a refusal.
/// </summary>
internal sealed record PendingPut(
    string Key,
    long Size,
    string ETag,
    string Sha256Hex,
    ObjectProperties Properties,
    WriteCondition Condition,
    Func<Task<ObjectLocation>> Place,
    Func<Task> Discard);
