using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>Turns near pairs into groups: connected components (union-find) with a score per member.</summary>
internal static class GroupBuilder
{
    public static IReadOnlyList<SimilarGroup<TId>> Build<TId>(
        IReadOnlyList<(TId Id, ImageFingerprint Fingerprint)> photos,
        int threshold,
        Func<IReadOnlyList<ImageFingerprint>, int, NearPair[]> findNearPairs)
    {
        var fingerprints = photos.Select(photo => photo.Fingerprint).ToArray();
        var pairs = findNearPairs(fingerprints, threshold);

        var sets = new DisjointSet(photos.Count);
        var degree = new int[photos.Count];
        foreach (var pair in pairs)
        {
            sets.Union(pair.First, pair.Second);
            degree[pair.First]++;
            degree[pair.Second]++;
        }

        var components = new Dictionary<int, List<int>>();
        for (var item = 0; item < degree.Length; item++)
        {
            if (degree[item] == 0)
            {
                continue;
            }

            var root = sets.Find(item);
            if (!components.TryGetValue(root, out var members))
            {
                components[root] = members = [];
            }

            members.Add(item);
        }

        return components.Values
            .Select(members => ScoredGroup(members, degree, fingerprints, threshold))
            .OrderByDescending(group => group.Length)
            .ThenBy(group => group[0].Index)
            .Select(group => new SimilarGroup<TId>(
                group.Select(member => new SimilarMember<TId>(photos[member.Index].Id, member.Score)).ToArray()))
            .ToArray();
    }

    /// <summary>
    /// Scores a component against its representative, the member with the most near pairs (the lowest index
    /// on a tie, as members arrive in index order), and orders it representative first, then by falling score.
    /// </summary>
    private static ScoredMember[] ScoredGroup(
        List<int> members, int[] degree, ImageFingerprint[] fingerprints, int threshold)
    {
        var representative = members.MaxBy(member => degree[member]);
        return members
            .Select(member => new ScoredMember(member, member == representative
                ? 1.0
                : NearDuplicateRule.Score(
                    NearDuplicateRule.Distance(fingerprints[representative], fingerprints[member]), threshold)))
            .OrderByDescending(member => member.Index == representative)
            .ThenByDescending(member => member.Score)
            .ThenBy(member => member.Index)
            .ToArray();
    }

    private readonly record struct ScoredMember(int Index, double Score);
}
