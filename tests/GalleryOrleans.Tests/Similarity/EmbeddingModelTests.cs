using System.Numerics.Tensors;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Tests.Infrastructure;
using NetVips;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>
/// The real ResNet18 model from the NuGet package on a few sample photos (kept few: each embedding costs a core
/// for a while on a shared machine).
/// </summary>
[Trait("Category", "Unit")]
public sealed class EmbeddingModelTests : IDisposable
{
    private static readonly Lazy<EmbeddingModel> Model = new(() => new EmbeddingModel(EmbeddingModel.DefaultDirectory));
    private readonly string scratch = Directory.CreateTempSubdirectory("embedding-tests-").FullName;

    [Fact]
    public void Mean_read_from_the_packaged_preprocessing_graph_is_the_ImageNet_mean_in_BGR_order()
    {
        const int plane = PhotoSample.ModelSide * PhotoSample.ModelSide;
        var mean = Model.Value.Mean;

        Assert.Equal(3 * plane, mean.Length);
        Assert.InRange(TensorPrimitives.Sum(mean[..plane]) / plane, 99, 109); // blue, ImageNet 104
        Assert.InRange(TensorPrimitives.Sum(mean[plane..(2 * plane)]) / plane, 112, 122); // green, 117
        Assert.InRange(TensorPrimitives.Sum(mean[(2 * plane)..]) / plane, 118, 128); // red, 124
    }

    [Fact]
    public void Copy_and_another_shot_of_a_photo_are_close_and_a_different_photo_is_not()
    {
        var shotA = Window("astronaut.jpg", 0);
        var shotB = Window("astronaut.jpg", 1);
        LibraryPhoto[] photos =
        [
            Photo(SamplePhotos.PathOf("astronaut.jpg")),
            Photo(SamplePhotos.PathOf("astronaut__half.jpg")),
            Photo(shotA),
            Photo(shotB),
            Photo(SamplePhotos.PathOf("chelsea.jpg")),
        ];
        var threshold = SimilarityRule.DefaultCosineThreshold;

        Assert.InRange(SimilarityRule.Cosine(photos[0], photos[1]), threshold, 1.0f);
        Assert.InRange(SimilarityRule.Cosine(photos[2], photos[3]), threshold, 1.0f);
        Assert.InRange(SimilarityRule.Cosine(photos[0], photos[4]), -1.0f, threshold);

        var group = Assert.Single(PhotoGrouper.FindGroups(photos, new SimilarityRule(NearDuplicateRule.DefaultThreshold, threshold)));
        Assert.Equal(photos[..4].Select(photo => photo.Id).Order(), group.Members.Select(member => member.Id).Order());
        Assert.Equal(MatchReason.Copy, group.Members.Single(member => member.Id == photos[1].Id).Reason);
        Assert.Equal(MatchReason.Burst, group.Members.Single(member => member.Id == photos[3].Id).Reason);
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>
    /// An 80% x 85% window of a photo, moved right by a tenth and down by 7% per step: the calibration set's
    /// stand-in for another shot of the same scene.
    /// </summary>
    private string Window(string sample, int step)
    {
        using var image = Image.NewFromFile(SamplePhotos.PathOf(sample));
        using var window = image.Crop(image.Width * step / 10, image.Height * 7 * step / 100, image.Width * 8 / 10, image.Height * 85 / 100);
        var path = Path.Combine(scratch, $"shot{step}.jpg");
        window.Jpegsave(path, q: 90);
        return path;
    }

    private static LibraryPhoto Photo(string path)
    {
        var sample = PhotoSample.FromFile(path);
        return new LibraryPhoto(Guid.NewGuid(), PerceptualHasher.FromFile(path), Model.Value.Embed(sample),
            new KeepFacts(1, sample.Sharpness, 1, DateTime.UnixEpoch));
    }
}
