using System.Numerics;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Compares items whose band values are within the probe radius and records the pairs whose full 64-bit
/// hashes are within the threshold, packed by <see cref="PairCollector.Pack"/>.
/// </summary>
internal static class BandJoin
{
    /// <summary>Pairs within one table, each pair of buckets visited once (from the lower bucket).</summary>
    public static void Self(
        HashBandTable table, int firstBucket, int endBucket, int[] masks, int threshold, List<ulong> found)
    {
        for (var bucket = firstBucket; bucket < endBucket; bucket++)
        {
            var hashes = table.Hashes(bucket);
            if (hashes.IsEmpty)
            {
                continue;
            }

            var items = table.Items(bucket);
            for (var i = 0; i < hashes.Length; i++)
            {
                for (var j = i + 1; j < hashes.Length; j++)
                {
                    if (BitOperations.PopCount(hashes[i] ^ hashes[j]) <= threshold)
                    {
                        found.Add(PairCollector.Pack(items[i], items[j]));
                    }
                }
            }

            foreach (var mask in masks)
            {
                var neighbour = bucket ^ mask;
                if (neighbour > bucket)
                {
                    Between(hashes, items, table.Hashes(neighbour), table.Items(neighbour), threshold, found);
                }
            }
        }
    }

    /// <summary>Pairs of a query-table item with a different target-table item.</summary>
    public static void Cross(
        HashBandTable queries, HashBandTable targets, int firstBucket, int endBucket, int[] masks, int threshold,
        List<ulong> found)
    {
        for (var bucket = firstBucket; bucket < endBucket; bucket++)
        {
            var hashes = queries.Hashes(bucket);
            if (hashes.IsEmpty)
            {
                continue;
            }

            var items = queries.Items(bucket);
            foreach (var mask in masks)
            {
                var neighbour = bucket ^ mask;
                Between(hashes, items, targets.Hashes(neighbour), targets.Items(neighbour), threshold, found);
            }
        }
    }

    private static void Between(
        ReadOnlySpan<ulong> hashesA, ReadOnlySpan<int> itemsA, ReadOnlySpan<ulong> hashesB, ReadOnlySpan<int> itemsB,
        int threshold, List<ulong> found)
    {
        for (var i = 0; i < hashesA.Length; i++)
        {
            var hash = hashesA[i];
            for (var j = 0; j < hashesB.Length; j++)
            {
                if (BitOperations.PopCount(hash ^ hashesB[j]) <= threshold && itemsA[i] != itemsB[j])
                {
                    found.Add(PairCollector.Pack(itemsA[i], itemsB[j]));
                }
            }
        }
    }
}
