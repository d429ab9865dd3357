using System.Numerics;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// The pair predicate. Two photos are near duplicates when their <see cref="Distance"/> is at most the
/// threshold. The distance is in bits (0..64): the smallest Hamming distance over the hash comparisons
/// that each survive a different kind of edit:
/// <list type="bullet">
/// <item>whole-frame pHash against whole-frame pHash (re-encoding, resizing, brightness, blur, grayscale);</item>
/// <item>either photo's centre pHash against the other's whole-frame pHash (crops of a few percent);</item>
/// <item>dHash against dHash (local overlays: watermarks, captions, stickers).</item>
/// </list>
/// </summary>
public static class NearDuplicateRule
{
    /// <summary>
    /// Default threshold in bits. On the sample set every edit stays within 6 bits of its original and
    /// different photos are at least 16 apart; 7 is also the largest threshold the index serves with a
    /// single-bit probe per band, so it stays fast on a million photos.
    /// </summary>
    public const int DefaultThreshold = 7;

    /// <summary>Largest accepted threshold; beyond it unrelated photos start to match by chance.</summary>
    public const int MaxThreshold = 12;

    public static int Distance(in ImageFingerprint a, in ImageFingerprint b)
    {
        var wholeFrame = BitOperations.PopCount(a.PHash ^ b.PHash);
        var cropped = Math.Min(
            BitOperations.PopCount(a.CentrePHash ^ b.PHash),
            BitOperations.PopCount(a.PHash ^ b.CentrePHash));
        var gradient = BitOperations.PopCount(a.DHash ^ b.DHash);
        return Math.Min(Math.Min(wholeFrame, cropped), gradient);
    }

    public static bool AreNear(in ImageFingerprint a, in ImageFingerprint b, int threshold) =>
        Distance(a, b) <= threshold;

    public static void ValidateThreshold(int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, MaxThreshold);
    }

    /// <summary>
    /// Similarity in [0, 1] for a pair at <paramref name="distance"/>: 1 when identical, about 0.5 at the
    /// threshold, 0 from 2 * (threshold + 1) bits on (members linked to the representative only through a chain).
    /// </summary>
    public static double Score(int distance, int threshold) =>
        Math.Clamp(1.0 - distance / (2.0 * (threshold + 1)), 0.0, 1.0);
}
