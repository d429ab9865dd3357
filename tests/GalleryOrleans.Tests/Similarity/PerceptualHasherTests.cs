using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Imaging.Photos;
using NetVips;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

[Trait("Category", "Unit")]
public class PerceptualHasherTests
{
    private const string Original = "astronaut.jpg";

    private static SampleSet Samples => SampleSet.Instance;

    public static TheoryData<string> Variants() =>
        [.. Directory.GetFiles(Path.Combine(SamplePhotos.SimilarDirectory, "images"), "*__*.jpg")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void SameImageGivesSameFingerprintFromEveryEntryPoint()
    {
        var path = Samples.PathOf(Original);
        var expected = PerceptualHasher.FromFile(path);

        Assert.Equal(expected, PerceptualHasher.FromFile(path));
        Assert.Equal(expected, PerceptualHasher.FromBuffer(File.ReadAllBytes(path)));
        using var stream = File.OpenRead(path);
        Assert.Equal(expected, PerceptualHasher.FromStream(stream));
    }

    [Fact]
    public void DecodedImageHashesLikeTheFile()
    {
        var path = Samples.PathOf(Original);
        using var decoded = Image.NewFromFile(path);

        AssertNear(PerceptualHasher.FromFile(path), PerceptualHasher.FromImage(decoded), maxDistance: 2);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EditedCopyIsWithinDefaultThresholdOfItsOriginal(string variant)
    {
        var original = variant[..variant.IndexOf("__", StringComparison.Ordinal)] + ".jpg";

        var distance = NearDuplicateRule.Distance(Samples[variant], Samples[original]);

        Assert.True(distance <= NearDuplicateRule.DefaultThreshold,
            $"{variant} is {distance} bits from {original}; threshold {NearDuplicateRule.DefaultThreshold}.");
    }

    [Fact]
    public void DifferentPhotosAreBeyondTwiceTheDefaultThreshold()
    {
        var groupOf = Samples.TruthGroups
            .SelectMany((group, index) => group.Select(name => (name, index)))
            .ToDictionary(entry => entry.name, entry => entry.index);

        var closest = (from a in Samples.Photos
                       from b in Samples.Photos
                       where groupOf[a.Name] < groupOf[b.Name]
                       select (a.Name, b.Name, Distance: NearDuplicateRule.Distance(a.Fingerprint, b.Fingerprint)))
            .MinBy(pair => pair.Distance);

        Assert.True(closest.Distance > 2 * NearDuplicateRule.DefaultThreshold,
            $"{closest.Item1} and {closest.Item2} are only {closest.Distance} bits apart.");
    }

    [Fact]
    public void HonoursExifOrientationWhenReadingFiles()
    {
        using var upright = Image.NewFromFile(Samples.PathOf(Original));
        // Orientation 6 tells viewers to turn the stored pixels 90 degrees clockwise, undoing this rotation.
        using var stored = upright.Rot270();
        using var tagged = stored.Mutate(image => image.Set(GValue.GIntType, "orientation", 6));
        var path = Path.Combine(Path.GetTempPath(), $"oriented-{Guid.NewGuid():N}.jpg");
        try
        {
            tagged.Jpegsave(path, q: 95);

            AssertNear(Samples[Original], PerceptualHasher.FromFile(path), maxDistance: 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AlphaGrayAndSixteenBitInputsHashLikeTheColourImage()
    {
        using var colour = Image.NewFromFile(Samples.PathOf(Original));
        var expected = PerceptualHasher.FromImage(colour);

        using var opaque = colour.Bandjoin(255);
        using var gray = colour.Colourspace(Enums.Interpretation.Bw);
        using var deep = colour.Colourspace(Enums.Interpretation.Rgb16);

        AssertNear(expected, PerceptualHasher.FromImage(opaque), maxDistance: 0);
        AssertNear(expected, PerceptualHasher.FromImage(gray), maxDistance: 2);
        AssertNear(expected, PerceptualHasher.FromImage(deep), maxDistance: 2);
    }

    [Fact]
    public void TransparentAreasCountAsWhite()
    {
        using var colour = Image.NewFromFile(Samples.PathOf(Original));
        using var coordinates = Image.Xyz(colour.Width, colour.Height);
        using var leftHalf = coordinates[0] < colour.Width / 2;
        using var halfTransparent = colour.Bandjoin(leftHalf);
        using var onWhite = leftHalf.Ifthenelse(colour, new double[] { 255, 255, 255 });

        AssertNear(PerceptualHasher.FromImage(onWhite), PerceptualHasher.FromImage(halfTransparent), maxDistance: 2);
    }

    private static void AssertNear(ImageFingerprint expected, ImageFingerprint actual, int maxDistance)
    {
        var worst = new[]
        {
            ulong.PopCount(expected.PHash ^ actual.PHash),
            ulong.PopCount(expected.CentrePHash ^ actual.CentrePHash),
            ulong.PopCount(expected.DHash ^ actual.DHash),
        }.Max();
        Assert.True(worst <= (ulong)maxDistance, $"{actual} differs from {expected} by up to {worst} bits.");
    }
}
