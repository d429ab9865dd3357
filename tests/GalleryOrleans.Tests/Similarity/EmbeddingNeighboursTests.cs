using System.Numerics.Tensors;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>The fast cosine search detection uses: its int8 kernel, its exact small-library case and its recall.</summary>
[Trait("Category", "Unit")]
public class EmbeddingNeighboursTests
{
    private const float Threshold = SimilarityRule.DefaultCosineThreshold;
    private const int D = EmbeddingModel.Dimensions;

    [Fact]
    public void Int8_dot_product_is_the_exact_integer_sum_at_every_length()
    {
        var random = new Random(2);
        foreach (var length in new[] { 0, 1, 15, 16, 17, 31, 32, 33, 100, 512 })
        {
            var left = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
            var right = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();

            Assert.Equal(left.Zip(right, (a, b) => a * b).Sum(), Int8Dot.Dot(left, right));
        }
        var extreme = Enumerable.Repeat(sbyte.MinValue, D).ToArray();
        Assert.Equal(D * 128 * 128, Int8Dot.Dot(extreme, extreme));
    }

    [Fact]
    public void Int8_cosine_stays_within_a_hundredth_of_the_float_cosine()
    {
        var (vectors, planted) = SyntheticEmbeddings.Generate(4_000, Threshold, 0.1, seed: 3);
        var rows = QuantisedRows.FromMatrix(vectors);
        var random = new Random(4);
        var pairs = planted.Concat(Enumerable.Range(0, 2_000).Select(_ => (random.Next(2_000), 2_000 + random.Next(2_000))));

        var largest = pairs.Max(pair => Math.Abs(rows.Cosine(pair.Item1, pair.Item2)
            - TensorPrimitives.Dot(vectors.AsSpan(pair.Item1 * D, D), vectors.AsSpan(pair.Item2 * D, D))));

        // Rounding moves each byte by at most half a step, so a row by at most 0.5 sqrt(512) / 127 of its largest
        // component (about 0.015 here) relative to its length; on these rows the largest change measured is 0.0042.
        Assert.InRange(largest, 0f, 0.01f);
    }

    [Fact]
    public void Small_library_gets_exactly_the_pairs_all_pairs_finds_and_photos_without_embedding_match_nothing()
    {
        var (vectors, _) = SyntheticEmbeddings.Generate(EmbeddingNeighbours.SmallLibrary - 1, Threshold, 0.2, seed: 5);
        vectors.AsSpan(7 * D, D).Clear(); // no embedding yet
        var rows = QuantisedRows.FromMatrix(vectors);

        var found = EmbeddingNeighbours.FindPairs(rows, Threshold);

        var expected = AllPairs(rows, Threshold);
        Assert.True(expected.Count > 300, $"only {expected.Count} pairs");
        Assert.Equal(expected.Order(), found.Select(pair => (pair.First, pair.Second)));
        Assert.DoesNotContain(found, pair => pair.First == 7 || pair.Second == 7);
    }

    [Fact]
    public void Clustered_search_finds_nearly_all_pairs_and_the_planted_neighbours_clearly_above_the_threshold()
    {
        var (vectors, planted) = SyntheticEmbeddings.Generate(3 * EmbeddingNeighbours.SmallLibrary, Threshold, 0.1, seed: 6);
        var rows = QuantisedRows.FromMatrix(vectors);

        var found = EmbeddingNeighbours.FindPairs(rows, Threshold).Select(pair => (pair.First, pair.Second)).ToList();

        var expected = AllPairs(rows, Threshold);
        var clearlyNear = planted.Where(pair => rows.Cosine(pair.Source, pair.Neighbour) >= Threshold + 0.03f).ToList();
        Assert.All(found, pair => Assert.Contains(pair, expected));
        Assert.True(found.Count >= 0.97 * expected.Count, $"found {found.Count} of {expected.Count} pairs");
        Assert.True(clearlyNear.Count > 100, $"only {clearlyNear.Count} planted pairs clearly above the threshold");
        var clearlyFound = clearlyNear.Count(pair => found.Contains((pair.Source, pair.Neighbour)));
        Assert.True(clearlyFound >= 0.99 * clearlyNear.Count, $"found {clearlyFound} of {clearlyNear.Count} planted neighbours");
    }

    private static HashSet<(int, int)> AllPairs(QuantisedRows rows, float threshold)
    {
        var pairs = new HashSet<(int, int)>();
        Parallel.For(0, rows.Count, first =>
        {
            for (var second = first + 1; second < rows.Count; second++)
            {
                if (rows.Cosine(first, second) >= threshold)
                {
                    lock (pairs)
                    {
                        pairs.Add((first, second));
                    }
                }
            }
        });
        return pairs;
    }
}
