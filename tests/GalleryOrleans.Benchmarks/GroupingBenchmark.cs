using System.Diagnostics;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Tests.Similarity;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Benchmarks;

/// <summary>One size: the index's time and group count, and the naive grouper's when it ran.</summary>
internal sealed record GroupingRun(int Photos, TimeSpan Index, int Groups, TimeSpan? Naive, int? NaiveGroups, TimeSpan PredictedNaive);

internal sealed record GroupingResults(int Threshold, double PlantedShare, IReadOnlyList<GroupingRun> Runs);

/// <summary>
/// Grouping time for random fingerprints with planted near copies: <see cref="SimilarityIndex"/> at 10k,
/// 100k and 1M against <see cref="NaiveGrouper"/> where the quadratic naive run is predicted to fit a minute.
/// </summary>
internal sealed class GroupingBenchmark(CpuMeter cpu)
{
    private const double PlantedShare = 0.1;
    private static readonly int[] Sizes = [10_000, 100_000, 1_000_000];
    private static readonly TimeSpan NaiveBudget = TimeSpan.FromSeconds(60);

    public async Task<GroupingResults> RunAsync()
    {
        var threshold = NearDuplicateRule.DefaultThreshold;
        SimilarityIndex.FindGroups(Photos(1_000, threshold), threshold); // JIT
        var runs = new List<GroupingRun>();
        foreach (var size in Sizes)
        {
            var photos = Photos(size, threshold);
            var (groups, index) = await cpu.MeasureAsync($"group {size:N0}: SimilarityIndex", () => Time(() => SimilarityIndex.FindGroups(photos, threshold)));
            Console.WriteLine($"  {size:N0} photos: index {index.TotalSeconds:F2} s, {groups.Count:N0} groups");
            var predicted = runs.LastOrDefault(run => run.Naive is not null) is { Naive: { } last } previous
                ? last * Math.Pow((double)size / previous.Photos, 2)
                : TimeSpan.Zero;
            if (predicted >= NaiveBudget)
            {
                Console.WriteLine($"  {size:N0} photos: naive skipped, predicted {predicted.TotalSeconds:F0} s");
                runs.Add(new GroupingRun(size, index, groups.Count, null, null, predicted));
                continue;
            }
            var (naiveGroups, naive) = await cpu.MeasureAsync($"group {size:N0}: NaiveGrouper", () => Time(() => NaiveGrouper.FindGroups(photos, threshold)));
            Console.WriteLine($"  {size:N0} photos: naive {naive.TotalSeconds:F2} s, {naiveGroups.Count:N0} groups");
            runs.Add(new GroupingRun(size, index, groups.Count, naive, naiveGroups.Count, predicted));
        }
        return new GroupingResults(threshold, PlantedShare, runs);
    }

    private static (int Id, ImageFingerprint Fingerprint)[] Photos(int count, int threshold) =>
        SyntheticFingerprints.Generate(count, threshold, PlantedShare, seed: count)
            .Select((fingerprint, index) => (index, fingerprint))
            .ToArray();

    private static Task<(T Result, TimeSpan Elapsed)> Time<T>(Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = work();
        return Task.FromResult((result, Stopwatch.GetElapsedTime(started)));
    }
}
