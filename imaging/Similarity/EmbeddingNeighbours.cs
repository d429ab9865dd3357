using System.Collections.Concurrent;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// The fast all-pairs cosine search used by detection, over the stored int8 embeddings:
/// <list type="number">
/// <item>rows are projected onto 32 principal directions (<see cref="ReducedSpace"/>);</item>
/// <item>they are split into about sqrt(probed * n) clusters there, and each row is compared only with the rows of
/// its <see cref="ProbedClusters"/> nearest clusters (<see cref="CoarseClusters"/>): the one approximate step;</item>
/// <item>a pair whose upper bound from the reduced space is below the threshold is dropped (exact: no pair is lost);</item>
/// <item>the rest are decided by the exact integer dot product of their bytes (<see cref="Int8Dot"/>).</item>
/// </list>
/// Below <see cref="SmallLibrary"/> photos there is one cluster, so every pair is checked and the result is exact.
/// </summary>
public static class EmbeddingNeighbours
{
    /// <summary>Clusters searched per photo; see the README for the recall measured against the exact search.</summary>
    public const int ProbedClusters = 32;

    public const int SmallLibrary = 4096;

    /// <summary>
    /// Memory per photo during a search: its int8 row and norm, its reduced point and residual (twice: by row and by
    /// cluster), its place in the cluster order and its nearest clusters.
    /// </summary>
    public const int BytesPerPhoto = EmbeddingModel.Dimensions + sizeof(float) + 2 * ReducedSpace.BytesPerRow + sizeof(int) + ProbedClusters * sizeof(int);

    // The bound is computed in floats from a float basis; this keeps rounding from dropping a pair at the threshold.
    private const float BoundSlack = 0.01f;
    private const int RowsPerWorkItem = 256;

    /// <summary>Pairs whose cosine is at least <paramref name="threshold"/>, sorted by (First, Second).</summary>
    public static CosinePair[] FindPairs(QuantisedRows rows, float threshold, int probedClusters = ProbedClusters)
    {
        var embedded = Enumerable.Range(0, rows.Count).Where(row => !rows.IsEmpty(row)).ToArray();
        if (embedded.Length < 2)
        {
            return [];
        }
        var space = ReducedSpace.Project(rows, embedded);
        var clusterCount = embedded.Length < SmallLibrary ? 1 : (int)Math.Sqrt((double)probedClusters * embedded.Length);
        var clusters = CoarseClusters.Build(space, embedded, clusterCount, probedClusters);
        var members = ClusterMembers.Of(space, clusters, embedded);

        var found = new ConcurrentBag<List<CosinePair>>();
        Parallel.For(0, (embedded.Length + RowsPerWorkItem - 1) / RowsPerWorkItem, item =>
        {
            var pairs = new List<CosinePair>();
            // Queries in cluster order: consecutive ones search mostly the same clusters, which stay in cache.
            var end = Math.Min(embedded.Length, (item + 1) * RowsPerWorkItem);
            for (var slot = item * RowsPerWorkItem; slot < end; slot++)
            {
                var query = members.Rows[slot];
                var point = members.Point(slot);
                var residual = members.Residuals[slot];
                foreach (var cluster in clusters.Searched(query))
                {
                    for (var other = members.Starts[cluster]; other < members.Starts[cluster + 1]; other++)
                    {
                        var candidate = members.Rows[other];
                        if (candidate == query
                            || ReducedSpace.Dot(point, members.Point(other)) + residual * members.Residuals[other] < threshold - BoundSlack)
                        {
                            continue;
                        }
                        var cosine = rows.Cosine(query, candidate);
                        if (cosine >= threshold && FindsFirst(query, candidate, clusters))
                        {
                            pairs.Add(new CosinePair(Math.Min(query, candidate), Math.Max(query, candidate), cosine));
                        }
                    }
                }
            }
            found.Add(pairs);
        });
        var all = found.SelectMany(pairs => pairs).ToArray();
        Array.Sort(all, (a, b) => a.First != b.First ? a.First.CompareTo(b.First) : a.Second.CompareTo(b.Second));
        return all;
    }

    /// <summary>
    /// Whether the query records a pair it found: the lower row does, and the higher one only when the lower one does
    /// not search the higher one's cluster (and so never sees the pair). Each pair is recorded once.
    /// </summary>
    private static bool FindsFirst(int query, int candidate, CoarseClusters clusters) =>
        query < candidate || !clusters.Searched(candidate).Contains(clusters.Home(query));

    /// <summary>Rows grouped by their own cluster (counting sort), with their reduced points copied in that order.</summary>
    private sealed class ClusterMembers
    {
        private ClusterMembers(int[] starts, int[] rows, float[] points, float[] residuals)
        {
            Starts = starts;
            Rows = rows;
            Points = points;
            Residuals = residuals;
        }

        public int[] Starts { get; }
        public int[] Rows { get; }
        public float[] Points { get; }
        public float[] Residuals { get; }

        public ReadOnlySpan<float> Point(int slot) => Points.AsSpan(slot * ReducedSpace.Dimensions, ReducedSpace.Dimensions);

        public static ClusterMembers Of(ReducedSpace space, CoarseClusters clusters, int[] embedded)
        {
            var starts = new int[clusters.Count + 1];
            foreach (var row in embedded)
            {
                starts[clusters.Home(row) + 1]++;
            }
            for (var cluster = 0; cluster < clusters.Count; cluster++)
            {
                starts[cluster + 1] += starts[cluster];
            }
            var next = starts[..clusters.Count];
            var rows = new int[embedded.Length];
            foreach (var row in embedded)
            {
                rows[next[clusters.Home(row)]++] = row;
            }
            var points = new float[(long)rows.Length * ReducedSpace.Dimensions];
            var residuals = new float[rows.Length];
            Parallel.For(0, rows.Length, slot =>
            {
                space.Point(rows[slot]).CopyTo(points.AsSpan(slot * ReducedSpace.Dimensions, ReducedSpace.Dimensions));
                residuals[slot] = space.Residuals[rows[slot]];
            });
            return new ClusterMembers(starts, rows, points, residuals);
        }
    }
}
