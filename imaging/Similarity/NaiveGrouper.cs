using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Reference implementation: evaluates <see cref="NearDuplicateRule"/> on every pair (quadratic). Used to
/// check and benchmark <see cref="SimilarityIndex"/>; runs on all cores like it.
/// </summary>
public static class NaiveGrouper
{
    public static IReadOnlyList<SimilarGroup<TId>> FindGroups<TId>(
        IReadOnlyList<(TId Id, ImageFingerprint Fingerprint)> photos,
        int threshold = NearDuplicateRule.DefaultThreshold) =>
        GroupBuilder.Build(photos, threshold, FindNearPairs);

    /// <summary>All pairs within <paramref name="threshold"/>, sorted by (First, Second).</summary>
    public static NearPair[] FindNearPairs(
        IReadOnlyList<ImageFingerprint> fingerprints, int threshold = NearDuplicateRule.DefaultThreshold)
    {
        NearDuplicateRule.ValidateThreshold(threshold);
        var all = fingerprints.ToArray();
        var batches = new List<List<NearPair>>();
        Parallel.For(0, all.Length, () => new List<NearPair>(), (first, _, found) =>
        {
            for (var second = first + 1; second < all.Length; second++)
            {
                var distance = NearDuplicateRule.Distance(all[first], all[second]);
                if (distance <= threshold)
                {
                    found.Add(new NearPair(first, second, distance));
                }
            }

            return found;
        }, found =>
        {
            lock (batches)
            {
                batches.Add(found);
            }
        });

        var pairs = batches.SelectMany(batch => batch).ToArray();
        Array.Sort(pairs, (x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return pairs;
    }
}
