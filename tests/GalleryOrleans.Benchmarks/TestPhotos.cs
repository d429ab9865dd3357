using NetVips;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// Distinct 12-megapixel JPEGs (q90) made from the sample photos: each sample is enlarged once with
/// sensor-like noise, and every file is one of them with its own brightness and mirroring.
/// </summary>
internal sealed class TestPhotos(string samples, string folder)
{
    public const int Width = 4000;
    public const int Height = 3000;

    /// <summary>The first <paramref name="count"/> photos, generated the first time they are asked for.</summary>
    public IReadOnlyList<string> Take(int count)
    {
        var paths = Enumerable.Range(0, count).Select(index => Path.Combine(folder, $"photo-{index:D3}.jpg")).ToArray();
        var missing = Enumerable.Range(0, count).Where(index => !File.Exists(paths[index])).ToArray();
        if (missing.Length == 0)
        {
            return paths;
        }
        Directory.CreateDirectory(folder);
        var bases = Samples().AsParallel().AsOrdered().Select(Enlarge).ToArray();
        try
        {
            Parallel.ForEach(missing, index => SaveVariant(bases, index, paths[index]));
        }
        finally
        {
            foreach (var image in bases)
            {
                image.Dispose();
            }
        }
        return paths;
    }

    /// <summary>The sample photos beside the repository (../shared/testdata/similar/images), as the tests find them.</summary>
    public static string SampleFolder(string repository) =>
        Path.Combine(repository, "..", "shared", "testdata", "similar", "images");

    // The edited variants in the sample set would only repeat their originals.
    private IEnumerable<string> Samples() =>
        Directory.EnumerateFiles(samples, "*.jpg").Where(path => !Path.GetFileName(path).Contains("__")).Order();

    /// <summary>Decoded into memory once, so the variations do not decode and resize again.</summary>
    private static Image Enlarge(string sample)
    {
        using var original = Image.NewFromFile(sample);
        using var enlarged = original.Resize((double)Width / original.Width, vscale: (double)Height / original.Height);
        using var noise = Image.Gaussnoise(Width, Height, sigma: 6, mean: 0);
        using var noisy = enlarged + noise;
        using var bytes = noisy.Cast(Enums.BandFormat.Uchar);
        return bytes.CopyMemory();
    }

    /// <summary>Brightness, offset, mirroring and base photo cycle with different periods, so the files of a run all differ.</summary>
    private static void SaveVariant(Image[] bases, int index, string path)
    {
        using var brightened = bases[index % bases.Length].Linear([0.85 + index % 31 * 0.01], [index % 7]);
        using var bytes = brightened.Cast(Enums.BandFormat.Uchar);
        using var mirrored = index / bases.Length % 2 == 0 ? bytes.Copy() : bytes.FlipHor();
        mirrored.Jpegsave(path, q: 90);
    }
}
