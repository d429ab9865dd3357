using System.Diagnostics;
using System.Numerics.Tensors;
using GalleryOrleans.Imaging.Similarity;
using GalleryOrleans.Tests.Similarity;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// All-pairs cosine search over 512-d embeddings shaped like ResNet features (<see cref="SyntheticEmbeddings"/>, 10%
/// planted neighbours with cosines around the threshold) at 10k, 100k and 1M: the fast path detection uses
/// (<see cref="EmbeddingNeighbours"/>, int8 rows) against the exact float search (<see cref="CosineNeighbours"/>,
/// tiled SIMD over the Gram matrix), run while scaling its last time by n² predicts under the budget and otherwise
/// extrapolated. Recall and precision against exact float cosines are counted over all pairs when the exact search
/// ran, else over every pair of a sample of rows that have a planted neighbour (each checked against all rows).
/// </summary>
internal static class CosineBenchmark
{
    private const double PlantedShare = 0.1;
    private const int SampledRows = 1000;
    private static readonly int[] Sizes = [10_000, 100_000, 1_000_000];
    private static readonly TimeSpan ExactBudget = TimeSpan.FromSeconds(90);

    public static void Run()
    {
        var threshold = SimilarityRule.DefaultCosineThreshold;
        const int d = EmbeddingModel.Dimensions;
        Console.WriteLine($"  threshold {threshold:F2}; planted cosines uniform in [{threshold - SyntheticEmbeddings.Below:F2}, {threshold + SyntheticEmbeddings.Above:F2}]; " +
            $"memory per photo during the search: {EmbeddingNeighbours.BytesPerPhoto} B (fast path), {d * sizeof(float)} B (float rows of the exact search)");
        EmbeddingNeighbours.FindPairs(QuantisedRows.FromMatrix(SyntheticEmbeddings.Generate(5_000, threshold, PlantedShare, 1).Rows), threshold); // JIT
        (int Size, TimeSpan Elapsed)? lastExact = null;
        foreach (var size in Sizes)
        {
            var (vectors, planted) = SyntheticEmbeddings.Generate(size, threshold, PlantedShare, seed: size);
            if (size == Sizes[0])
            {
                Structure(vectors, planted, size);
            }
            var started = Stopwatch.GetTimestamp();
            var rows = QuantisedRows.FromMatrix(vectors);
            var pairs = EmbeddingNeighbours.FindPairs(rows, threshold);
            var fast = Stopwatch.GetElapsedTime(started);
            Console.WriteLine($"  {size:N0} vectors: fast path {fast.TotalSeconds:F2} s, {pairs.Length:N0} pairs");

            var predicted = lastExact is { } e ? e.Elapsed * Math.Pow((double)size / e.Size, 2) : TimeSpan.Zero;
            if (predicted > ExactBudget)
            {
                Console.WriteLine($"  {size:N0} vectors: exact search skipped, predicted {predicted.TotalSeconds:F0} s by n² from {lastExact!.Value.Size:N0} " +
                    $"({predicted / fast:F0}x the fast path)");
                SampledAgreement(vectors, rows, planted, pairs, size, threshold);
                continue;
            }
            started = Stopwatch.GetTimestamp();
            var exact = CosineNeighbours.FindPairs(vectors, d, threshold);
            var exactTime = Stopwatch.GetElapsedTime(started);
            lastExact = (size, exactTime);
            Console.WriteLine($"  {size:N0} vectors: exact float search {exactTime.TotalSeconds:F2} s, {exact.Length:N0} pairs; fast path is {exactTime / fast:F1}x faster; " +
                Agreement(exact.Select(pair => (pair.First, pair.Second)).ToHashSet(), pairs.Select(pair => (pair.First, pair.Second)).ToArray(), rows, threshold) + " (all pairs)");
        }
    }

    /// <summary>What the vectors look like: cosines of unrelated rows, and of the planted pairs.</summary>
    private static void Structure(float[] vectors, (int Source, int Neighbour)[] planted, int size)
    {
        const int d = EmbeddingModel.Dimensions;
        var random = new Random(5);
        var unrelated = Enumerable.Range(0, 20_000)
            .Select(_ => TensorPrimitives.Dot(vectors.AsSpan(random.Next(size / 2) * d, d), vectors.AsSpan((size / 2 + random.Next(size / 2)) * d, d)))
            .Order().ToArray();
        Console.WriteLine($"  structure: random pairs' cosine median {unrelated[unrelated.Length / 2]:F2}, 99th percentile {unrelated[unrelated.Length * 99 / 100]:F2}, " +
            $"max {unrelated[^1]:F2} of {unrelated.Length:N0}; {planted.Length:N0} planted pairs");
    }

    /// <summary>Recall and precision over every pair that involves one of a sample of rows with a planted neighbour.</summary>
    private static void SampledAgreement(float[] vectors, QuantisedRows rows, (int Source, int Neighbour)[] planted, CosinePair[] pairs, int size, float threshold)
    {
        const int d = EmbeddingModel.Dimensions;
        var started = Stopwatch.GetTimestamp();
        var random = new Random(size);
        var sampled = Enumerable.Range(0, SampledRows).Select(_ => planted[random.Next(planted.Length)].Source).ToHashSet();
        var exact = new HashSet<(int, int)>();
        Parallel.ForEach(sampled, row =>
        {
            var found = new List<(int, int)>();
            for (var other = 0; other < size; other++)
            {
                if (other != row && TensorPrimitives.Dot(vectors.AsSpan(row * d, d), vectors.AsSpan(other * d, d)) >= threshold)
                {
                    found.Add((Math.Min(row, other), Math.Max(row, other)));
                }
            }
            lock (exact)
            {
                exact.UnionWith(found);
            }
        });
        var fast = pairs.Where(pair => sampled.Contains(pair.First) || sampled.Contains(pair.Second)).Select(pair => (pair.First, pair.Second)).ToArray();
        Console.WriteLine($"  {size:N0} vectors: {sampled.Count:N0} sampled rows against all (exact float, {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s): " +
            $"{exact.Count:N0} exact pairs; {Agreement(exact, fast, rows, threshold)}");
    }

    /// <summary>
    /// Recall and precision against the exact float pairs, with each missed pair put down either to the int8 rows (its
    /// exact int8 cosine is below the threshold: lost by quantisation) or to the clustering (the only approximate step),
    /// and the recall against the exact int8 search, which tells the index's own loss.
    /// </summary>
    private static string Agreement(HashSet<(int, int)> exact, (int, int)[] fast, QuantisedRows rows, float threshold)
    {
        var hits = fast.Count(exact.Contains);
        var found = fast.ToHashSet();
        var missed = exact.Where(pair => !found.Contains(pair)).ToArray();
        var byClustering = missed.Count(pair => rows.Cosine(pair.Item1, pair.Item2) >= threshold);
        return $"recall {Ratio(hits, exact.Count)}, precision {Ratio(hits, fast.Length)} against float; missed: {missed.Length - byClustering} by int8 rounding, " +
            $"{byClustering} by the clustering; recall against exact int8 {Ratio(fast.Length, fast.Length + byClustering)}";
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "-" : $"{(double)part / whole:F4} ({part:N0}/{whole:N0})";
}
