using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Grains.Similarity;

[GenerateSerializer]
public sealed class SimilarityState
{
    [Id(0)] public string State { get; set; } = "idle";
    [Id(1)] public int Threshold { get; set; } = NearDuplicateRule.DefaultThreshold;
    [Id(2)] public DateTime? StartedAt { get; set; }
    [Id(3)] public DateTime? FinishedAt { get; set; }
    [Id(4)] public long Processed { get; set; }
    [Id(5)] public long Total { get; set; }
    [Id(6)] public int GroupCount { get; set; }
}
