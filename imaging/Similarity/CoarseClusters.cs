namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// k-means centroids in the reduced space (a few Lloyd rounds on a sample), and for every row the clusters whose
/// centroids are nearest to it, nearest first: the first is the row's own cluster, all of them are searched for
/// its neighbours. Two photos at the matching cosine are close, so each almost always lies in one of the other's
/// nearest clusters; the benchmark measures how often not.
/// </summary>
internal sealed class CoarseClusters
{
    private const int D = ReducedSpace.Dimensions;
    private const int SamplePerCluster = 16;
    private const int Rounds = 5;

    private CoarseClusters(int count, int probed, int[] nearest)
    {
        Count = count;
        Probed = probed;
        Nearest = nearest;
    }

    public int Count { get; }

    /// <summary>How many clusters are searched per row.</summary>
    public int Probed { get; }

    /// <summary>Row-major, <see cref="Probed"/> cluster numbers per row.</summary>
    public int[] Nearest { get; }

    public int Home(int row) => Nearest[row * Probed];

    public ReadOnlySpan<int> Searched(int row) => Nearest.AsSpan(row * Probed, Probed);

    public static CoarseClusters Build(ReducedSpace space, IReadOnlyList<int> embedded, int count, int probed)
    {
        probed = Math.Min(probed, count);
        var centroids = Train(space, embedded, count);
        var squares = Squares(centroids, count);
        var nearest = new int[(long)space.Residuals.Length * probed];
        Parallel.For(0, embedded.Count, () => new float[probed], (i, _, scores) =>
        {
            var row = embedded[i];
            FindNearest(space.Point(row), centroids, squares, nearest.AsSpan(row * probed, probed), scores);
            return scores;
        }, _ => { });
        return new CoarseClusters(count, probed, nearest);
    }

    private static float[] Train(ReducedSpace space, IReadOnlyList<int> embedded, int count)
    {
        var sampleSize = Math.Min(embedded.Count, count * SamplePerCluster);
        var sample = Enumerable.Range(0, sampleSize).Select(s => embedded[(int)((long)s * embedded.Count / sampleSize)]).ToArray();
        var centroids = new float[count * D];
        for (var c = 0; c < count; c++)
        {
            space.Point(sample[(int)((long)c * sampleSize / count)]).CopyTo(centroids.AsSpan(c * D, D));
        }
        var owner = new int[sampleSize];
        for (var round = 0; round < Rounds; round++)
        {
            var squares = Squares(centroids, count);
            Parallel.For(0, sampleSize, () => new float[1], (s, _, score) =>
            {
                Span<int> best = stackalloc int[1];
                FindNearest(space.Point(sample[s]), centroids, squares, best, score);
                owner[s] = best[0];
                return score;
            }, _ => { });
            var sums = new double[count * D];
            var sizes = new int[count];
            for (var s = 0; s < sampleSize; s++)
            {
                var point = space.Point(sample[s]);
                sizes[owner[s]]++;
                for (var k = 0; k < D; k++)
                {
                    sums[owner[s] * D + k] += point[k];
                }
            }
            for (var c = 0; c < count; c++)
            {
                // An emptied cluster keeps its centroid.
                for (var k = 0; k < D && sizes[c] > 0; k++)
                {
                    centroids[c * D + k] = (float)(sums[c * D + k] / sizes[c]);
                }
            }
        }
        return centroids;
    }

    private static float[] Squares(float[] centroids, int count) =>
        Enumerable.Range(0, count).Select(c => ReducedSpace.Dot(centroids.AsSpan(c * D, D), centroids.AsSpan(c * D, D))).ToArray();

    /// <summary>The centroids nearest to the point, nearest first (by |c|^2 - 2 &lt;p, c&gt;, the squared distance less |p|^2).</summary>
    private static void FindNearest(ReadOnlySpan<float> point, float[] centroids, float[] squares, Span<int> best, Span<float> scores)
    {
        var filled = 0;
        for (var c = 0; c < squares.Length; c++)
        {
            var score = squares[c] - 2 * ReducedSpace.Dot(point, centroids.AsSpan(c * D, D));
            if (filled == best.Length && score >= scores[filled - 1])
            {
                continue;
            }
            var at = filled == best.Length ? filled - 1 : filled++;
            while (at > 0 && scores[at - 1] > score)
            {
                scores[at] = scores[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            scores[at] = score;
            best[at] = c;
        }
    }
}
