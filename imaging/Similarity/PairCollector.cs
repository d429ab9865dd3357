using System.Collections.Concurrent;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>Gathers pairs found by parallel workers, possibly more than once, into sorted distinct pairs.</summary>
internal sealed class PairCollector
{
    private readonly ConcurrentBag<List<ulong>> _batches = [];

    /// <summary>An unordered pair as one sortable number: lower index in the high half.</summary>
    public static ulong Pack(int a, int b) =>
        a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;

    public void Add(List<ulong> batch) => _batches.Add(batch);

    public NearPair[] ToNearPairs(ImageFingerprint[] fingerprints)
    {
        var packed = _batches.SelectMany(batch => batch).ToArray();
        Array.Sort(packed);

        var pairs = new List<NearPair>();
        for (var i = 0; i < packed.Length; i++)
        {
            if (i > 0 && packed[i] == packed[i - 1])
            {
                continue;
            }

            var first = (int)(packed[i] >> 32);
            var second = (int)(uint)packed[i];
            pairs.Add(new NearPair(first, second,
                NearDuplicateRule.Distance(fingerprints[first], fingerprints[second])));
        }

        return [.. pairs];
    }
}
