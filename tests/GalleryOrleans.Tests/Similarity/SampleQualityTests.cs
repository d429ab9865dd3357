using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

[Trait("Category", "Unit")]
public class SampleQualityTests
{
    [Fact]
    public void GroupsTheSampleSetPrecisely()
    {
        var samples = SampleSet.Instance;

        var groups = SimilarityIndex.FindGroups(samples.Photos);
        var quality = PairwiseQuality.Measure(
            groups.Select(group => group.Members.Select(member => member.Id)), samples.TruthGroups);

        Assert.Equal(64, samples.Photos.Count);
        Assert.True(quality.Precision >= 0.99, quality.ToString());
        Assert.True(quality.Recall >= 0.95, quality.ToString());
    }

    [Fact]
    public void OriginalRepresentsItsGroup()
    {
        var samples = SampleSet.Instance;

        var groups = SimilarityIndex.FindGroups(samples.Photos);

        Assert.All(groups, group =>
        {
            Assert.DoesNotContain("__", group.Representative);
            Assert.Equal(1.0, group.Members[0].Score);
            Assert.All(group.Members, member => Assert.InRange(member.Score, 0.0, 1.0));
        });
    }
}
