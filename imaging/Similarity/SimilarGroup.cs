namespace GalleryOrleans.Imaging.Similarity;

/// <summary>A member of a near-duplicate group and its similarity to the group's representative.</summary>
/// <param name="Score">In [0, 1], 1 = identical to the representative; see <see cref="NearDuplicateRule.Score"/>.</param>
public sealed record SimilarMember<TId>(TId Id, double Score);

/// <summary>
/// Photos linked by chains of near-duplicate pairs. <see cref="Members"/> has at least two entries and
/// starts with the representative: the member with the most direct near duplicates.
/// </summary>
public sealed record SimilarGroup<TId>(IReadOnlyList<SimilarMember<TId>> Members)
{
    public TId Representative => Members[0].Id;
}
