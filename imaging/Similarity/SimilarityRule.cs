using System.Numerics.Tensors;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Two photos match when their hashes are within the bit threshold (<see cref="NearDuplicateRule"/>) and their
/// embeddings do not contradict that (cosine at least <see cref="CopyCosineFloor"/>), or when their embeddings'
/// cosine reaches the cosine threshold. A photo without an embedding matches by its hashes alone.
/// </summary>
/// <param name="HashThreshold">Bits, 0..<see cref="NearDuplicateRule.MaxThreshold"/>.</param>
/// <param name="CosineThreshold">In (0, 1]; see <see cref="DefaultCosineThreshold"/>.</param>
public sealed record SimilarityRule(int HashThreshold, float CosineThreshold)
{
    /// <summary>
    /// Chosen on the calibration set of deploy/bench/similar-calibration (54 photos from Debian's wallpaper packages,
    /// 432 images): from 0.86 on no pair of different photos matches there, directly or through a group, while at
    /// 0.85 one does; 0.87 keeps a step of margin and still finds 0.99 of the true pairs directly (0.96 of the
    /// distinct-shot pairs) and all of them once grouped.
    /// </summary>
    public const float DefaultCosineThreshold = 0.87f;

    /// <summary>
    /// On the calibration set, hash matches within 7 bits between different photos (flat, dark or low-contrast
    /// wallpapers) have cosines up to 0.53, and true ones from 0.83; on the shared sample set true ones (grayscale
    /// and watermarked copies) go down to 0.64.
    /// </summary>
    public const float CopyCosineFloor = 0.60f;

    /// <summary>Whether the embeddings allow a pair within the hash threshold to be a copy.</summary>
    public static bool ConfirmsCopy(LibraryPhoto a, LibraryPhoto b) =>
        a.Embedding is null || b.Embedding is null || Cosine(a, b) >= CopyCosineFloor;

    public static float Cosine(LibraryPhoto a, LibraryPhoto b) =>
        a.Embedding is { } left && b.Embedding is { } right ? TensorPrimitives.Dot(left, right) : 0f;

    /// <summary>Similarity in [0, 1] of a pair, and why it matches, or null when it does not.</summary>
    public (double Score, MatchReason Reason)? Match(LibraryPhoto a, LibraryPhoto b)
    {
        var distance = NearDuplicateRule.Distance(a.Fingerprint, b.Fingerprint);
        var cosine = Cosine(a, b);
        if (distance <= HashThreshold && ConfirmsCopy(a, b))
        {
            return (Math.Max(NearDuplicateRule.Score(distance, HashThreshold), cosine), MatchReason.Copy);
        }
        return cosine >= CosineThreshold ? (cosine, MatchReason.Burst) : null;
    }

    /// <summary>How alike two photos of one group are, whether or not they match directly.</summary>
    public double Score(LibraryPhoto a, LibraryPhoto b) =>
        Math.Clamp(Math.Max(NearDuplicateRule.Score(NearDuplicateRule.Distance(a.Fingerprint, b.Fingerprint), HashThreshold), Cosine(a, b)), 0, 1);
}
