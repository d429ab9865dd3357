using GalleryOrleans.Tests.Infrastructure;
using System.Text.Json;
using System.Text.Json.Serialization;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>The labelled near-duplicate photos in shared/testdata/similar, hashed once per process.</summary>
public sealed class SampleSet
{
    private static readonly Lazy<SampleSet> Shared = new(() => Load(SamplePhotos.SimilarDirectory));

    private SampleSet(
        string imagesDirectory,
        IReadOnlyList<(string Name, ImageFingerprint Fingerprint)> photos,
        IReadOnlyList<IReadOnlyList<string>> truthGroups)
    {
        ImagesDirectory = imagesDirectory;
        Photos = photos;
        TruthGroups = truthGroups;
    }

    public static SampleSet Instance => Shared.Value;

    public string ImagesDirectory { get; }

    /// <summary>Every image by file name, in ordinal name order.</summary>
    public IReadOnlyList<(string Name, ImageFingerprint Fingerprint)> Photos { get; }

    /// <summary>File names that show the same photo, one list per photo.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TruthGroups { get; }

    public ImageFingerprint this[string name] => Photos.Single(photo => photo.Name == name).Fingerprint;

    public string PathOf(string name) => Path.Combine(ImagesDirectory, name);

    public static SampleSet Load(string similarDirectory)
    {
        var imagesDirectory = Path.Combine(similarDirectory, "images");
        var photos = Directory.GetFiles(imagesDirectory, "*.jpg")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), PerceptualHasher.FromFile(path)))
            .ToArray();

        using var truthFile = File.OpenRead(Path.Combine(similarDirectory, "truth.json"));
        var truth = JsonSerializer.Deserialize<TruthFile>(truthFile)
            ?? throw new InvalidDataException("truth.json is empty.");
        return new SampleSet(imagesDirectory, photos, truth.Groups);
    }

    private sealed record TruthFile([property: JsonPropertyName("groups")] IReadOnlyList<IReadOnlyList<string>> Groups);
}
