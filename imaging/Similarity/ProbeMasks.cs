using System.Numerics;

namespace GalleryOrleans.Imaging.Similarity;

internal static class ProbeMasks
{
    /// <summary>
    /// All band-sized masks with at most <paramref name="radius"/> bits set, 0 first: XOR-ing a bucket with
    /// each gives every bucket whose band value is within that Hamming radius.
    /// </summary>
    public static int[] WithinRadius(int radius) =>
        Enumerable.Range(0, HashBandTable.BucketCount)
            .Where(mask => BitOperations.PopCount((uint)mask) <= radius)
            .OrderBy(mask => BitOperations.PopCount((uint)mask))
            .ThenBy(mask => mask)
            .ToArray();
}
