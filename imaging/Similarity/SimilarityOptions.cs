namespace GalleryOrleans.Imaging.Similarity;

/// <summary>Settings of the similar-photo signals (section "Similarity").</summary>
public sealed class SimilarityOptions
{
    public const string Section = "Similarity";

    /// <summary>Cosine of two photos' embeddings from which they are shots of one scene.</summary>
    public float CosineThreshold { get; set; } = SimilarityRule.DefaultCosineThreshold;

    /// <summary>Folder holding ResNet18.onnx and ResNetPreprocess.onnx; by default the Models folder beside the program.</summary>
    public string? ModelDirectory { get; set; }
}
