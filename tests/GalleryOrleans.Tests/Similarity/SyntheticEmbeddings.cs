using System.Numerics.Tensors;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>
/// Unit vectors shaped like pooled ResNet features: non-negative, with a mean activation profile shared by all photos
/// (so unrelated photos have cosines around 0.6, not 0), drawn from topics (photos of one kind of subject are closer
/// still, the hard negatives), with planted neighbours whose cosine with their source is spread around the
/// matching threshold, so that near misses and near hits both occur. A neighbour mixes its source with another
/// photo of the same topic in the proportion that gives its cosine exactly.
/// </summary>
public static class SyntheticEmbeddings
{
    private const int D = EmbeddingModel.Dimensions;
    private const int Topics = 256;
    private const int RowsPerChunk = 8192;

    /// <summary>Planted neighbours' cosines are uniform in [threshold - Below, threshold + Above].</summary>
    public const float Below = 0.06f;
    public const float Above = 0.08f;

    /// <summary>Row-major unit vectors, and the (source, neighbour) pairs planted among them.</summary>
    public static (float[] Rows, (int Source, int Neighbour)[] Planted) Generate(int count, float threshold, double plantedShare, int seed)
    {
        var shape = new Random(1);
        var profile = Enumerable.Range(0, D).Select(_ => 0.3f - (float)Math.Log(1 - shape.NextDouble())).ToArray();
        var topics = new float[Topics * D];
        for (var i = 0; i < topics.Length; i++)
        {
            topics[i] = profile[i % D] * (float)Math.Exp(0.6 * Gaussian(shape));
        }

        var rows = new float[(long)count * D];
        var planted = new List<(int, int)>[(count + RowsPerChunk - 1) / RowsPerChunk];
        // Chunks have their own generators so that a million rows are made on all cores; neighbours stay within a chunk.
        Parallel.For(0, planted.Length, chunk =>
        {
            var random = new Random(seed * 7919 + chunk);
            var topicOf = new int[RowsPerChunk];
            var other = new float[D];
            planted[chunk] = [];
            var first = chunk * RowsPerChunk;
            var end = Math.Min(count, first + RowsPerChunk);
            for (var row = first; row < end; row++)
            {
                var vector = rows.AsSpan(row * D, D);
                if (row > first && random.NextDouble() < plantedShare)
                {
                    var source = first + random.Next(row - first);
                    topicOf[row - first] = topicOf[source - first];
                    Photo(topics, topicOf[row - first], random, other);
                    var cosine = threshold - Below + (float)random.NextDouble() * (Below + Above);
                    Neighbour(rows.AsSpan(source * D, D), other, cosine, vector);
                    planted[chunk].Add((source, row));
                }
                else
                {
                    topicOf[row - first] = random.Next(Topics);
                    Photo(topics, topicOf[row - first], random, vector);
                }
            }
        });
        return (rows, planted.SelectMany(pairs => pairs).ToArray());
    }

    private static void Photo(float[] topics, int topic, Random random, Span<float> destination)
    {
        for (var d = 0; d < D; d++)
        {
            // A fifth of the channels are silent after the ReLU.
            destination[d] = random.NextDouble() < 0.2 ? 0f : topics[topic * D + d] * (float)Math.Exp(0.5 * Gaussian(random));
        }
        TensorPrimitives.Divide(destination, TensorPrimitives.Norm(destination), destination);
    }

    /// <summary>
    /// normalise(source + beta * other) with beta solving (1 + beta c)^2 = t^2 (1 + 2 beta c + beta^2), c the cosine of
    /// source and other, t the wanted cosine: beta^2 (c^2 - t^2) + 2 beta c (1 - t^2) + (1 - t^2) = 0.
    /// </summary>
    private static void Neighbour(ReadOnlySpan<float> source, ReadOnlySpan<float> other, float cosine, Span<float> destination)
    {
        double c = TensorPrimitives.Dot(source, other), t = Math.Min(cosine, 0.9999f);
        if (c >= t)
        {
            // The other photo is already that close: take it (a photo closer than planted, as real libraries have).
            other.CopyTo(destination);
            return;
        }
        double a = c * c - t * t, b = 2 * c * (1 - t * t), constant = 1 - t * t;
        var beta = (-b - Math.Sqrt(b * b - 4 * a * constant)) / (2 * a);
        TensorPrimitives.MultiplyAdd(other, (float)beta, source, destination);
        TensorPrimitives.Divide(destination, TensorPrimitives.Norm(destination), destination);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
