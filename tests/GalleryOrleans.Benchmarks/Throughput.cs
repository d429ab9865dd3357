using System.Globalization;

namespace GalleryOrleans.Benchmarks;

/// <summary>Bytes moved in a time; MB is 10^6 bytes, as dd reports it.</summary>
internal readonly record struct Throughput(long Bytes, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;

    public static string Rate(double megabytesPerSecond) => string.Create(CultureInfo.InvariantCulture, $"{megabytesPerSecond:F1} MB/s");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rate(MegabytesPerSecond)} ({Elapsed.TotalSeconds:F2} s)");
}
