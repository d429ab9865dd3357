using System.Numerics.Tensors;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>The embedding signal without the model: cosine search, storage, matching rule, reasons and keepers.</summary>
[Trait("Category", "Unit")]
public class EmbeddingGroupingTests
{
    private static readonly SimilarityRule Rule = new(NearDuplicateRule.DefaultThreshold, SimilarityRule.DefaultCosineThreshold);

    [Fact]
    public void Blocked_cosine_search_finds_exactly_the_pairs_all_pairs_finds()
    {
        // More rows than one tile in each direction, with planted neighbours across tile borders.
        const int count = 700;
        var random = new Random(16);
        var rows = new float[count * EmbeddingModel.Dimensions];
        for (var i = 0; i < count; i++)
        {
            var row = rows.AsSpan(i * EmbeddingModel.Dimensions, EmbeddingModel.Dimensions);
            if (i % 5 == 4)
            {
                var source = i >= 300 ? i - 299 : i - 1;
                rows.AsSpan(source * EmbeddingModel.Dimensions, EmbeddingModel.Dimensions).CopyTo(row);
                row[i % EmbeddingModel.Dimensions] += 0.3f;
            }
            else
            {
                for (var d = 0; d < row.Length; d++)
                {
                    row[d] = (float)random.NextDouble();
                }
            }
            TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
        }
        const float threshold = 0.9f;

        var found = CosineNeighbours.FindPairs(rows, EmbeddingModel.Dimensions, threshold);

        var expected = new List<(int, int)>();
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                if (TensorPrimitives.Dot(rows.AsSpan(a * EmbeddingModel.Dimensions, EmbeddingModel.Dimensions),
                        rows.AsSpan(b * EmbeddingModel.Dimensions, EmbeddingModel.Dimensions)) >= threshold)
                {
                    expected.Add((a, b));
                }
            }
        }
        Assert.True(expected.Count >= count / 5, $"only {expected.Count} planted pairs");
        Assert.Equal(expected, found.Select(pair => (pair.First, pair.Second)));
    }

    [Fact]
    public void Stored_int8_embedding_keeps_its_direction()
    {
        var random = new Random(3);
        var vector = Enumerable.Range(0, EmbeddingModel.Dimensions).Select(_ => (float)random.NextDouble()).ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);

        var stored = PhotoEmbedding.Quantise(vector);
        var read = PhotoEmbedding.Read(stored);

        Assert.Equal(PhotoEmbedding.SerializedLength, stored.Length);
        Assert.True(TensorPrimitives.Dot(vector, read) > 0.999f);
        Assert.Throws<FormatException>(() => PhotoEmbedding.Read(stored.AsSpan(1)));
    }

    [Fact]
    public void Copies_and_other_shots_form_one_group_with_their_reasons_and_the_best_photo_to_keep()
    {
        var scene = Direction(0);
        var original = Photo("original", 0x0F0F, scene, pixels: 12_000_000, sharpness: 50);
        var smallerCopy = Photo("copy", 0x0F0F, scene, pixels: 3_000_000, sharpness: 80);
        var otherShot = Photo("shot", 0xFFFF_0000_FFFF_0000, Tilted(scene, 0.5f), pixels: 12_000_000, sharpness: 40);
        var unrelated = Photo("unrelated", 0x1234_5678_9ABC_DEF0, Direction(7), pixels: 12_000_000, sharpness: 90);

        var group = Assert.Single(PhotoGrouper.FindGroups([original, smallerCopy, otherShot, unrelated], Rule));

        var members = group.Members.ToDictionary(member => Name(member.Id));
        Assert.Equal(["copy", "original", "shot"], members.Keys.Order());
        Assert.Equal(MatchReason.Copy, members["original"].Reason);
        Assert.Equal(MatchReason.Copy, members["copy"].Reason);
        Assert.Equal(MatchReason.Burst, members["shot"].Reason);
        Assert.Equal("original", Name(Assert.Single(group.Members, member => member.SuggestedKeep).Id));
        Assert.All(group.Members, member => Assert.InRange(member.Score, 0.0, 1.0));
    }

    [Theory]
    [InlineData(2, 50, 100, 10, "second")] // resolution first
    [InlineData(10, 60, 100, 10, "first")] // then sharpness
    [InlineData(10, 50, 200, 10, "first")] // then file size
    public void Suggested_keeper_follows_resolution_then_sharpness_then_size(
        long firstPixels, double firstSharpness, long firstSize, long secondPixels, string keeper)
    {
        var scene = Direction(1);
        var first = new LibraryPhoto(Id("first"), new ImageFingerprint(1, 1, 1), scene, new KeepFacts(firstPixels, firstSharpness, firstSize, Day(2)));
        var second = new LibraryPhoto(Id("second"), new ImageFingerprint(1, 1, 1), scene, new KeepFacts(secondPixels, 50, 100, Day(1)));

        var group = Assert.Single(PhotoGrouper.FindGroups([first, second], Rule));

        Assert.Equal(keeper, Name(Assert.Single(group.Members, member => member.SuggestedKeep).Id));
    }

    [Fact]
    public void Earliest_photo_is_kept_when_everything_else_ties()
    {
        var scene = Direction(2);
        var later = new LibraryPhoto(Id("later"), new ImageFingerprint(1, 1, 1), scene, new KeepFacts(10, 5, 100, Day(2)));
        var earlier = new LibraryPhoto(Id("earlier"), new ImageFingerprint(1, 1, 1), scene, new KeepFacts(10, 5, 100, Day(1)));

        var group = Assert.Single(PhotoGrouper.FindGroups([later, earlier], Rule));

        Assert.Equal("earlier", Name(Assert.Single(group.Members, member => member.SuggestedKeep).Id));
    }

    [Fact]
    public void Hash_match_that_the_embeddings_contradict_is_no_pair_but_counts_without_embeddings()
    {
        var flatA = Photo("flat-a", 0, Direction(3), 10, 1);
        var flatB = Photo("flat-b", 0, Direction(4), 10, 1);

        Assert.Empty(PhotoGrouper.FindGroups([flatA, flatB], Rule));
        Assert.Single(PhotoGrouper.FindGroups([flatA with { Embedding = null }, flatB], Rule));
        Assert.Single(PhotoGrouper.FindGroupsDirectly([flatA with { Embedding = null }, flatB], Rule));
    }

    [Fact]
    public void Direct_grouping_of_a_few_photos_agrees_with_the_indexed_one()
    {
        var scene = Direction(5);
        LibraryPhoto[] photos =
        [
            Photo("a", 0x0F0F, scene, 10, 1),
            Photo("b", 0xF0F0_F0F0_0000_0000, Tilted(scene, 0.4f), 10, 1),
            Photo("c", 0x0F0F, Direction(6), 10, 1),
            Photo("d", 0x1234_5678_9ABC_DEF0, Direction(8), 10, 1),
        ];

        Assert.Equivalent(PhotoGrouper.FindGroups(photos, Rule), PhotoGrouper.FindGroupsDirectly(photos, Rule), strict: true);
    }

    [Fact]
    public void Sharper_raster_has_the_larger_laplacian_variance()
    {
        const int side = 32;
        var checkerboard = new byte[side * side];
        var ramp = new byte[side * side];
        for (var i = 0; i < checkerboard.Length; i++)
        {
            checkerboard[i] = (byte)(((i % side) + (i / side)) % 2 * 255);
            ramp[i] = (byte)(i % side * 8);
        }

        Assert.True(LaplacianVariance.Of(checkerboard, side, side) > LaplacianVariance.Of(ramp, side, side));
        Assert.Equal(0, LaplacianVariance.Of(new byte[side * side], side, side));
    }

    private static LibraryPhoto Photo(string name, ulong hash, float[] embedding, long pixels, double sharpness) =>
        new(Id(name), new ImageFingerprint(hash, hash, hash), embedding, new KeepFacts(pixels, sharpness, 1000, Day(1)));

    /// <summary>A unit vector along one axis block: different seeds are orthogonal.</summary>
    private static float[] Direction(int seed)
    {
        var vector = new float[EmbeddingModel.Dimensions];
        vector.AsSpan(seed * 32, 32).Fill(1f);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    /// <summary>The vector moved towards an unrelated one: cosine about 1/sqrt(1 + amount^2) with the original.</summary>
    private static float[] Tilted(float[] vector, float amount)
    {
        var tilted = new float[vector.Length];
        TensorPrimitives.MultiplyAdd(Direction(15), amount, vector, tilted);
        TensorPrimitives.Divide(tilted, TensorPrimitives.Norm(tilted), tilted);
        return tilted;
    }

    private static DateTime Day(int day) => new(2026, 1, day, 0, 0, 0, DateTimeKind.Utc);

    private static Guid Id(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    private static string Name(Guid id) =>
        new[] { "original", "copy", "shot", "unrelated", "first", "second", "later", "earlier", "flat-a", "flat-b", "a", "b", "c", "d" }
            .Single(name => Id(name) == id);
}
