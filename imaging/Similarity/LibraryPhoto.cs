using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>What grouping knows of one photo of a library.</summary>
/// <param name="Embedding">Unit vector of <see cref="EmbeddingModel.Dimensions"/>, or null while not computed yet.</param>
public sealed record LibraryPhoto(Guid Id, ImageFingerprint Fingerprint, float[]? Embedding, KeepFacts Facts);

/// <summary>The facts that decide which photo of a group to keep, best first in this order.</summary>
public readonly record struct KeepFacts(long Pixels, double Sharpness, long SizeBytes, DateTime CreatedAt);

/// <summary>Why a photo is in its group: a hash match (an edited copy) or the embedding alone (another shot).</summary>
public enum MatchReason
{
    Copy,
    Burst,
}

public sealed record GroupedPhoto(Guid Id, double Score, MatchReason Reason, bool SuggestedKeep);

/// <summary>A group as stored: representative first, then by falling score.</summary>
public sealed record PhotoGroup(IReadOnlyList<GroupedPhoto> Members);
