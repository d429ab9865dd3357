using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

public class GroupingTests
{
    public static TheoryData<string> Groupers() => ["index", "naive"];

    [Theory]
    [MemberData(nameof(Groupers))]
    public void EmptyInputHasNoGroups(string grouper)
    {
        Assert.Empty(Group(grouper, []));
    }

    [Theory]
    [MemberData(nameof(Groupers))]
    public void SinglePhotoHasNoGroup(string grouper)
    {
        Assert.Empty(Group(grouper, [Photo("only", 0x1234)]));
    }

    [Theory]
    [MemberData(nameof(Groupers))]
    public void IdenticalPhotosFormOneGroupScoredOne(string grouper)
    {
        var group = Assert.Single(Group(grouper, [Photo("a", 42), Photo("b", 42)]));

        Assert.Equal(["a", "b"], group.Members.Select(member => member.Id));
        Assert.All(group.Members, member => Assert.Equal(1.0, member.Score));
    }

    [Theory]
    [MemberData(nameof(Groupers))]
    public void ChainLinksPhotosBeyondTheThresholdOfEachOther(string grouper)
    {
        // a-b and b-c are 7 bits apart, a-c 14: one group through b, which represents it.
        var a = 0UL;
        var b = 0x7FUL;
        var c = 0x3FFFUL;

        var group = Assert.Single(Group(grouper, [Photo("a", a), Photo("far", ~0UL), Photo("b", b), Photo("c", c)]));

        Assert.Equal("b", group.Representative);
        Assert.Equal(["b", "a", "c"], group.Members.Select(member => member.Id));
        Assert.All(group.Members.Skip(1), member => Assert.Equal(0.5625, member.Score));
    }

    [Theory]
    [MemberData(nameof(Groupers))]
    public void PairJustBeyondTheThresholdStaysApart(string grouper)
    {
        Assert.Empty(Group(grouper, [Photo("a", 0), Photo("b", 0xFFUL)]));
    }

    [Theory]
    [MemberData(nameof(Groupers))]
    public void SeparateClustersBecomeSeparateGroupsLargestFirst(string grouper)
    {
        var groups = Group(grouper,
        [
            Photo("x1", 0xFFFF_0000_0000_0000), Photo("a1", 1), Photo("a2", 3), Photo("x2", 0xFFFF_0000_0000_0001),
            Photo("a3", 7),
        ]);

        Assert.Equal(["a1", "a2", "a3"], groups[0].Members.Select(member => member.Id));
        Assert.Equal(["x1", "x2"], groups[1].Members.Select(member => member.Id));
        Assert.Equal(2, groups.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(NearDuplicateRule.MaxThreshold + 1)]
    public void RejectsThresholdOutOfRange(int threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimilarityIndex.FindGroups([Photo("a", 0)], threshold));
        Assert.Throws<ArgumentOutOfRangeException>(() => NaiveGrouper.FindGroups([Photo("a", 0)], threshold));
    }

    [Fact]
    public void CropMatchesCentreHashAgainstWholeFrame()
    {
        var original = new ImageFingerprint(PHash: 0, CentrePHash: 0xAAAA_AAAA_AAAA_AAAA, DHash: 0);
        var cropped = new ImageFingerprint(PHash: 0xAAAA_AAAA_AAAA_AAAB, CentrePHash: ~0UL, DHash: ~0UL);

        Assert.Equal(1, NearDuplicateRule.Distance(original, cropped));
        Assert.Equal(1, NearDuplicateRule.Distance(cropped, original));
    }

    /// <summary>A photo whose three hashes are all <paramref name="hash"/>.</summary>
    private static (string Id, ImageFingerprint Fingerprint) Photo(string id, ulong hash) =>
        (id, new ImageFingerprint(hash, hash, hash));

    private static IReadOnlyList<SimilarGroup<string>> Group(
        string grouper, (string Id, ImageFingerprint Fingerprint)[] photos) =>
        grouper == "index" ? SimilarityIndex.FindGroups(photos) : NaiveGrouper.FindGroups(photos);
}
