using GalleryOrleans.Abstractions.Gallery;
using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Similarity;

[GenerateSerializer, Immutable]
public sealed record SimilarityStatus(
    [property: Id(0)] string State,
    [property: Id(1)] DateTime? StartedAt,
    [property: Id(2)] DateTime? FinishedAt,
    [property: Id(3)] long Processed,
    [property: Id(4)] long Total,
    [property: Id(5)] int GroupCount);

[GenerateSerializer, Immutable]
/// <param name="Reason">"copy" (the hashes match: an edited copy) or "burst" (only the embeddings match: another shot).</param>
/// <param name="SuggestedKeep">The group's best photo: highest resolution, then sharpest, then largest file, then earliest.</param>
public sealed record SimilarItem(
    [property: Id(0)] Guid MediaId,
    [property: Id(1)] double SimilarityScore,
    [property: Id(2)] string Reason,
    [property: Id(3)] bool SuggestedKeep);

[GenerateSerializer, Immutable]
public sealed record SimilarGroupView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTime CreatedAt,
    [property: Id(2)] IReadOnlyList<SimilarItem> Items);

/// <summary>
/// One user's near-duplicate detection, keyed by the user id. Detect starts a run off the request path
/// (a second call while running joins it); a reminder brings a run that a silo crash interrupted back.
/// </summary>
public interface ISimilarityGrain : IGrainWithGuidKey
{
    [AlwaysInterleave]
    Task<SimilarityStatus> Detect(int threshold);

    [AlwaysInterleave]
    Task<SimilarityStatus> Status();

    [AlwaysInterleave]
    Task<Page<SimilarGroupView>> Groups(string? cursor, int limit);

    Task<bool> Dismiss(Guid groupId);

    /// <summary>
    /// A photo of this user was stored: computes its embedding and adds it to a group (joining, merging or forming
    /// one) without a new detection run. Called by the media grain without waiting.
    /// </summary>
    [OneWay]
    Task PhotoAdded(Guid mediaId);
}
