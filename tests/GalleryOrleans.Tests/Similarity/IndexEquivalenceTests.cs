using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

[Trait("Category", "Unit")]
public class IndexEquivalenceTests
{
    [Fact]
    public void FindsExactlyTheNaivePairsOnTwentyThousandFingerprints()
    {
        var fingerprints = SyntheticFingerprints.Generate(
            20_000, NearDuplicateRule.DefaultThreshold, plantedShare: 0.2, seed: 20_000);

        var expected = NaiveGrouper.FindNearPairs(fingerprints);
        var actual = SimilarityIndex.FindNearPairs(fingerprints);

        Assert.True(expected.Length > 1_000, $"only {expected.Length} planted pairs in range");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(NearDuplicateRule.MaxThreshold)]
    public void FindsExactlyTheNaivePairsAtEveryThreshold(int threshold)
    {
        var fingerprints = SyntheticFingerprints.Generate(3_000, threshold, plantedShare: 0.3, seed: threshold);

        Assert.Equal(
            NaiveGrouper.FindNearPairs(fingerprints, threshold),
            SimilarityIndex.FindNearPairs(fingerprints, threshold));
    }

    [Fact]
    public void FindsTheSameGroupsAsNaive()
    {
        var photos = SyntheticFingerprints
            .Generate(5_000, NearDuplicateRule.DefaultThreshold, plantedShare: 0.3, seed: 5)
            .Select((fingerprint, index) => (Id: index, Fingerprint: fingerprint))
            .ToArray();

        var expected = NaiveGrouper.FindGroups(photos);
        var actual = SimilarityIndex.FindGroups(photos);

        Assert.Equal(
            expected.Select(group => group.Members.ToArray()),
            actual.Select(group => group.Members.ToArray()));
    }
}
