using System.Diagnostics;

namespace GalleryOrleans.Benchmarks;

/// <summary>Latency figures of a load run over one endpoint.</summary>
internal sealed record LatencySummary(string Target, int Requests, int Failures, TimeSpan Elapsed, double MeanMs, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <param name="latencies">Per-request durations in <see cref="Stopwatch"/> ticks.</param>
    public static LatencySummary From(string target, IReadOnlyCollection<long> latencies, int failures, TimeSpan elapsed)
    {
        var sorted = latencies.Select(ticks => ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException($"No request to {target} completed.");
        }
        double Percentile(double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
        return new LatencySummary(target, sorted.Length, failures, elapsed, sorted.Average(), Percentile(0.50), Percentile(0.99));
    }
}
