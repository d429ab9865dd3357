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
public sealed record SimilarItem([property: Id(0)] Guid MediaId, [property: Id(1)] double SimilarityScore);

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
}
