using System.Diagnostics;
using GalleryOrleans.Imaging.Photos;
using NetVips;

namespace GalleryOrleans.Benchmarks;

internal sealed record HashingResults(int Count, int Workers, int Rounds, double HasherImagesPerSecond, double ReferenceImagesPerSecond)
{
    /// <summary>Images each CPU measurement covers: the rounds and the warm-up image.</summary>
    public int ImagesPerMeasurement => Count * Rounds + 1;
}

/// <summary>
/// Hashing throughput on 12-megapixel JPEGs: <see cref="PerceptualHasher.FromFile"/>, which lets the JPEG
/// decoder shrink on load, against decoding every pixel and resizing to the same raster.
/// </summary>
internal sealed class HashingBenchmark(TestPhotos photos, CpuMeter cpu)
{
    public const string HasherMeasurement = "hash: PerceptualHasher.FromFile";
    public const string ReferenceMeasurement = "hash reference: decode + resize";
    private const int Count = 20;
    private const int Rounds = 3;
    private static readonly int Workers = Environment.ProcessorCount;

    public async Task<HashingResults> RunAsync()
    {
        var files = photos.Take(Count);
        // Otherwise libvips serves the later rounds' decodes of the same files from its operation cache.
        Cache.Max = 0;
        var hasher = await cpu.MeasureAsync(HasherMeasurement,
            () => Task.FromResult(MedianImagesPerSecond(files, path => PerceptualHasher.FromFile(path))));
        Console.WriteLine($"  PerceptualHasher.FromFile: {hasher:F1} images/s");
        var reference = await cpu.MeasureAsync(ReferenceMeasurement,
            () => Task.FromResult(MedianImagesPerSecond(files, DecodeAndResize)));
        Console.WriteLine($"  full decode + resize: {reference:F1} images/s");
        return new HashingResults(Count, Workers, Rounds, hasher, reference);
    }

    private static void DecodeAndResize(string path)
    {
        using var full = Image.NewFromFile(path);
        using var raster = full.Resize((double)PerceptualHasher.RasterSize / full.Width, vscale: (double)PerceptualHasher.RasterSize / full.Height);
        raster.WriteToMemory<byte>();
    }

    private static double MedianImagesPerSecond(IReadOnlyList<string> files, Action<string> process)
    {
        process(files[0]); // JIT and libvips start-up
        var options = new ParallelOptions { MaxDegreeOfParallelism = Workers };
        var rates = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            Parallel.ForEach(files, options, process);
            rates[round] = files.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        return Spread.Of(rates).Median;
    }
}
