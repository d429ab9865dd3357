namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Items bucketed by one 16-bit band of a 64-bit hash, laid out bucket after bucket (counting sort) with the
/// full hashes stored inline, so scanning a bucket reads contiguous memory.
/// </summary>
internal sealed class HashBandTable
{
    public const int BandBits = 16;
    public const int BandCount = 64 / BandBits;
    public const int BucketCount = 1 << BandBits;

    private readonly int[] _bucketStarts;
    private readonly ulong[] _hashes;
    private readonly int[] _items;

    private HashBandTable(int[] bucketStarts, ulong[] hashes, int[] items)
    {
        _bucketStarts = bucketStarts;
        _hashes = hashes;
        _items = items;
    }

    public static HashBandTable Build(ulong[] hashes, int band)
    {
        var bucketStarts = new int[BucketCount + 1];
        foreach (var hash in hashes)
        {
            bucketStarts[BandValue(hash, band) + 1]++;
        }

        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            bucketStarts[bucket + 1] += bucketStarts[bucket];
        }

        var next = bucketStarts[..BucketCount]; // a copy: the write cursor of every bucket
        var sortedHashes = new ulong[hashes.Length];
        var items = new int[hashes.Length];
        for (var item = 0; item < hashes.Length; item++)
        {
            var slot = next[BandValue(hashes[item], band)]++;
            sortedHashes[slot] = hashes[item];
            items[slot] = item;
        }

        return new HashBandTable(bucketStarts, sortedHashes, items);
    }

    public ReadOnlySpan<ulong> Hashes(int bucket) =>
        _hashes.AsSpan(_bucketStarts[bucket], _bucketStarts[bucket + 1] - _bucketStarts[bucket]);

    public ReadOnlySpan<int> Items(int bucket) =>
        _items.AsSpan(_bucketStarts[bucket], _bucketStarts[bucket + 1] - _bucketStarts[bucket]);

    private static int BandValue(ulong hash, int band) => (int)(hash >> (band * BandBits)) & (BucketCount - 1);
}
