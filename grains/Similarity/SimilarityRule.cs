using System.Numerics.Tensors;

namespace GalleryOrleans.Grains.Similarity;

/// <summary>
/// Two photos match when their hashes are within the bit threshold (<see cref="NearDuplicateRule"/>) or their
/// embeddings' cosine reaches the cosine threshold.
/// </summary>
/// <param name="HashThreshold">Bits, 0..<see cref="NearDuplicateRule.MaxThreshold"/>.</param>
/// <param name="CosineThreshold">In (0, 1]; see <see cref="DefaultCosineThreshold"/>.</param>
public sealed record SimilarityRule(int HashThreshold, float CosineThreshold)
{
    /// <summary>
    /// Chosen on the calibration set of deploy/bench/similar-calibration (photos from Debian's wallpaper packages):
    /// the lowest cosine that keeps pairwise precision at or above 0.995 there.
    /// </summary>
    public const float DefaultCosineThreshold = 0.80f;

    public bool HashNear(LibraryPhoto a, LibraryPhoto b) =>
        NearDuplicateRule.Distance(a.Fingerprint, b.Fingerprint) <= HashThreshold;

    public static float Cosine(LibraryPhoto a, LibraryPhoto b) =>
        a.Embedding is { } left && b.Embedding is { } right ? TensorPrimitives.Dot(left, right) : 0f;

    /// <summary>Similarity in [0, 1] of a pair, and why it matches, or null when it does not.</summary>
    public (double Score, MatchReason Reason)? Match(LibraryPhoto a, LibraryPhoto b)
    {
        var distance = NearDuplicateRule.Distance(a.Fingerprint, b.Fingerprint);
        var cosine = Cosine(a, b);
        if (distance <= HashThreshold)
        {
            return (Math.Max(NearDuplicateRule.Score(distance, HashThreshold), cosine), MatchReason.Copy);
        }
        return cosine >= CosineThreshold ? (cosine, MatchReason.Burst) : null;
    }

    /// <summary>How alike two photos of one group are, whether or not they match directly.</summary>
    public double Score(LibraryPhoto a, LibraryPhoto b) =>
        Math.Clamp(Math.Max(NearDuplicateRule.Score(NearDuplicateRule.Distance(a.Fingerprint, b.Fingerprint), HashThreshold), Cosine(a, b)), 0, 1);
}
