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
