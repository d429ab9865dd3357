using GalleryOrleans.Abstractions.Gallery;
using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Similarity;

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
    /// Keeps these photos of a group and moves its other photos to the trash; the kept ones do not come back as a group.
    /// NotFound for a group that is not this user's (or is dismissed), Invalid when a kept id is not in the group.
    /// </summary>
    Task<Result<int, GalleryFailure>> Resolve(Guid groupId, IReadOnlyList<Guid> keep);

    /// <summary>
    /// A photo of this user was stored: computes its embedding and adds it to a group (joining, merging or forming
    /// one) without a new detection run. Called by the media grain without waiting.
    /// </summary>
    [OneWay]
    Task PhotoAdded(Guid mediaId);
}
