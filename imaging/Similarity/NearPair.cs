namespace GalleryOrleans.Imaging.Similarity;

/// <summary>Two near-duplicate photos by input position, <see cref="First"/> &lt; <see cref="Second"/>.</summary>
/// <param name="Distance">Their <see cref="NearDuplicateRule.Distance"/> in bits.</param>
public readonly record struct NearPair(int First, int Second, int Distance);
