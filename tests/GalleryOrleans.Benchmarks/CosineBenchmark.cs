using System.Diagnostics;
using System.Numerics.Tensors;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// Exact all-pairs cosine search over 512-d unit vectors with 10% planted neighbours: the tiled SIMD search
/// (<see cref="CosineNeighbours"/>) at 10k, 100k and 1M against a plain scalar double loop over all pairs, run
/// only while scaling its last time by n² predicts under a minute, and pair counts compared.
/// </summary>
internal static class CosineBenchmark
{
    private static readonly int[] Sizes = [10_000, 100_000, 1_000_000];
    private static readonly TimeSpan ReferenceBudget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TiledBudget = TimeSpan.FromMinutes(10);

    public static void Run()
    {
        var threshold = SimilarityRule.DefaultCosineThreshold;
        CosineNeighbours.FindPairs(Vectors(500), EmbeddingModel.Dimensions, threshold); // JIT
        (int Size, TimeSpan Elapsed)? lastReference = null, lastTiled = null;
        foreach (var size in Sizes)
        {
            var predictedTiled = lastTiled is { } t ? t.Elapsed * Math.Pow((double)size / t.Size, 2) : TimeSpan.Zero;
            if (predictedTiled > TiledBudget)
            {
                Console.WriteLine($"  {size:N0} vectors: skipped, tiled search predicted {predictedTiled.TotalMinutes:F0} min");
                continue;
            }
            var vectors = Vectors(size);
            var started = Stopwatch.GetTimestamp();
            var pairs = CosineNeighbours.FindPairs(vectors, EmbeddingModel.Dimensions, threshold);
            var tiled = Stopwatch.GetElapsedTime(started);
            lastTiled = (size, tiled);
            var pairsPerSecond = (double)size * (size - 1) / 2 / tiled.TotalSeconds;
            Console.WriteLine($"  {size:N0} vectors: tiled {tiled.TotalSeconds:F2} s ({pairsPerSecond / 1e6:F0} M pairs/s), {pairs.Length:N0} pairs");

            var predicted = lastReference is { } r ? r.Elapsed * Math.Pow((double)size / r.Size, 2) : TimeSpan.Zero;
            if (predicted > ReferenceBudget)
            {
                Console.WriteLine($"  {size:N0} vectors: reference skipped, predicted {predicted.TotalSeconds:F0} s ({predicted / tiled:F1}x the tiled search)");
                continue;
            }
            started = Stopwatch.GetTimestamp();
            var referencePairs = ScalarAllPairs(vectors, size, threshold);
            var reference = Stopwatch.GetElapsedTime(started);
            lastReference = (size, reference);
            Console.WriteLine($"  {size:N0} vectors: scalar reference {reference.TotalSeconds:F2} s, {referencePairs:N0} pairs; " +
                $"tiled is {reference / tiled:F1}x faster{(referencePairs == pairs.Length ? "" : $" ({Math.Abs(referencePairs - pairs.Length)} pairs differ: float sums in another order, at the threshold)")}");
        }
    }

    /// <summary>The obvious code: every pair, one multiply-add at a time, in parallel over rows.</summary>
    private static long ScalarAllPairs(float[] vectors, int count, float threshold)
    {
        const int d = EmbeddingModel.Dimensions;
        long found = 0;
        Parallel.For(0, count, () => 0L, (a, _, local) =>
        {
            for (var b = a + 1; b < count; b++)
            {
                var dot = 0f;
                for (var k = 0; k < d; k++)
                {
                    dot += vectors[a * d + k] * vectors[b * d + k];
                }
                local += dot >= threshold ? 1 : 0;
            }
            return local;
        }, local => Interlocked.Add(ref found, local));
        return found;
    }

    /// <summary>Random non-negative unit vectors (like pooled ReLU features); every tenth is a near copy of the one before.</summary>
    private static float[] Vectors(int count)
    {
        const int d = EmbeddingModel.Dimensions;
        var random = new Random(count);
        var vectors = new float[(long)count * d];
        for (var i = 0; i < count; i++)
        {
            var row = vectors.AsSpan(i * d, d);
            for (var k = 0; k < d; k++)
            {
                row[k] = i % 10 == 9 ? vectors[(i - 1) * d + k] + 0.1f * (float)random.NextDouble() : (float)random.NextDouble();
            }
            TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
        }
        return vectors;
    }
}
