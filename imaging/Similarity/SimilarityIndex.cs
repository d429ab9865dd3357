using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Finds near-duplicate photos without comparing all pairs, by multi-index hashing: each 64-bit hash is
/// split into four 16-bit bands. By the pigeonhole principle two hashes within threshold T bits differ by
/// at most T/4 bits in at least one band, so probing, per band, only the buckets within that radius finds
/// every pair <see cref="NaiveGrouper"/> finds; each candidate is then checked on the full hash.
/// Runs on all cores.
/// </summary>
public static class SimilarityIndex
{
    // Bucket ranges per join per band handed to workers; enough to balance uneven buckets over the cores.
    private const int ChunksPerJoin = 64;

    /// <param name="threshold">Largest <see cref="NearDuplicateRule.Distance"/> in bits (0..12) for a pair.</param>
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
        if (all.Length < 2)
        {
            return [];
        }

        var wholeFrame = Array.ConvertAll(all, f => f.PHash);
        var centre = Array.ConvertAll(all, f => f.CentrePHash);
        var gradient = Array.ConvertAll(all, f => f.DHash);
        var masks = ProbeMasks.WithinRadius(threshold / HashBandTable.BandCount);
        var collector = new PairCollector();

        // One band at a time keeps only three tables alive.
        for (var band = 0; band < HashBandTable.BandCount; band++)
        {
            var tables = new[] { wholeFrame, centre, gradient }
                .AsParallel().AsOrdered()
                .Select(hashes => HashBandTable.Build(hashes, band))
                .ToArray();
            var (wholeTable, centreTable, gradientTable) = (tables[0], tables[1], tables[2]);

            Parallel.For(0, 3 * ChunksPerJoin, work =>
            {
                var (first, end) = BucketRange(work % ChunksPerJoin);
                var found = new List<ulong>();
                switch (work / ChunksPerJoin)
                {
                    case 0:
                        BandJoin.Self(wholeTable, first, end, masks, threshold, found);
                        break;
                    case 1:
                        BandJoin.Cross(centreTable, wholeTable, first, end, masks, threshold, found);
                        break;
                    default:
                        BandJoin.Self(gradientTable, first, end, masks, threshold, found);
                        break;
                }

                collector.Add(found);
            });
        }

        return collector.ToNearPairs(all);
    }

    private static (int First, int End) BucketRange(int chunk)
    {
        const int bucketsPerChunk = HashBandTable.BucketCount / ChunksPerJoin;
        return (chunk * bucketsPerChunk, (chunk + 1) * bucketsPerChunk);
    }
}
