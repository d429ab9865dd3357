namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Groups a library by <see cref="SimilarityRule"/>: hash pairs from the band index, embedding pairs from the fast
/// cosine search (<see cref="EmbeddingNeighbours"/>), then connected components, each with its representative (the
/// member with the most matches), every member's score against it, why each member is there, and the photo to keep.
/// </summary>
public static class PhotoGrouper
{
    public static IReadOnlyList<PhotoGroup> FindGroups(IReadOnlyList<LibraryPhoto> photos, SimilarityRule rule)
    {
        var hashPairs = SimilarityIndex.FindNearPairs(photos.Select(photo => photo.Fingerprint).ToArray(), rule.HashThreshold);
        var embeddingPairs = EmbeddingNeighbours.FindPairs(QuantisedRows.From(photos.Select(photo => photo.Embedding).ToArray()), rule.CosineThreshold);
        return Build(photos, rule,
            hashPairs.Where(pair => SimilarityRule.ConfirmsCopy(photos[pair.First], photos[pair.Second])).Select(pair => (pair.First, pair.Second)),
            embeddingPairs.Select(pair => (pair.First, pair.Second)));
    }

    /// <summary>Groups a few photos by checking every pair directly (the photos around one new upload).</summary>
    public static IReadOnlyList<PhotoGroup> FindGroupsDirectly(IReadOnlyList<LibraryPhoto> photos, SimilarityRule rule)
    {
        var hashPairs = new List<(int, int)>();
        var embeddingPairs = new List<(int, int)>();
        for (var first = 0; first < photos.Count; first++)
        {
            for (var second = first + 1; second < photos.Count; second++)
            {
                switch (rule.Match(photos[first], photos[second])?.Reason)
                {
                    case MatchReason.Copy:
                        hashPairs.Add((first, second));
                        break;
                    case MatchReason.Burst:
                        embeddingPairs.Add((first, second));
                        break;
                }
            }
        }
        return Build(photos, rule, hashPairs, embeddingPairs);
    }

    private static IReadOnlyList<PhotoGroup> Build(
        IReadOnlyList<LibraryPhoto> photos, SimilarityRule rule,
        IEnumerable<(int First, int Second)> hashPairs, IEnumerable<(int First, int Second)> embeddingPairs)
    {
        var sets = new DisjointSet(photos.Count);
        var degree = new int[photos.Count];
        var copied = new bool[photos.Count];
        var seen = new HashSet<ulong>();
        foreach (var (first, second, byHash) in hashPairs.Select(p => (p.First, p.Second, true))
                     .Concat(embeddingPairs.Select(p => (p.First, p.Second, false))))
        {
            if (byHash)
            {
                copied[first] = copied[second] = true;
            }
            if (seen.Add(PairCollector.Pack(first, second)))
            {
                sets.Union(first, second);
                degree[first]++;
                degree[second]++;
            }
        }

        return Enumerable.Range(0, photos.Count)
            .Where(item => degree[item] > 0)
            .GroupBy(sets.Find)
            .Select(component => component.ToList())
            .OrderByDescending(members => members.Count)
            .ThenBy(members => members[0])
            .Select(members => Group(members, photos, rule, degree, copied))
            .ToArray();
    }

    private static PhotoGroup Group(List<int> members, IReadOnlyList<LibraryPhoto> photos, SimilarityRule rule, int[] degree, bool[] copied)
    {
        var representative = members.MaxBy(member => degree[member]);
        var keeper = members
            .OrderByDescending(member => photos[member].Facts.Pixels)
            .ThenByDescending(member => photos[member].Facts.Sharpness)
            .ThenByDescending(member => photos[member].Facts.SizeBytes)
            .ThenBy(member => photos[member].Facts.CreatedAt)
            .ThenBy(member => member)
            .First();
        return new PhotoGroup(members
            .Select(member => (Index: member, Score: member == representative ? 1.0 : rule.Score(photos[representative], photos[member])))
            .OrderByDescending(member => member.Index == representative)
            .ThenByDescending(member => member.Score)
            .ThenBy(member => member.Index)
            .Select(member => new GroupedPhoto(photos[member.Index].Id, member.Score,
                copied[member.Index] ? MatchReason.Copy : MatchReason.Burst, member.Index == keeper))
            .ToArray());
    }
}
