using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>A pair of photos by input position, <see cref="First"/> &lt; <see cref="Second"/>, with their cosine.</summary>
public readonly record struct CosinePair(int First, int Second, float Cosine);

/// <summary>
/// Exact all-pairs cosine search over unit vectors stored row by row: the upper triangle of the Gram matrix,
/// computed in tiles so that a tile's rows and columns stay in cache while every dot product of the tile is
/// taken with SIMD (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>). Runs on all cores.
/// </summary>
public static class CosineNeighbours
{
    // 64 rows and 256 columns of 512 floats are 128 KiB and 512 KiB: the pair fits a core's L2 cache.
    private const int RowTile = 64;
    private const int ColumnTile = 256;

    /// <summary>Every pair whose cosine is at least <paramref name="threshold"/>, sorted by (First, Second).</summary>
    public static CosinePair[] FindPairs(ReadOnlyMemory<float> rows, int dimensions, float threshold)
    {
        var count = rows.Length / dimensions;
        var found = new ConcurrentBag<List<CosinePair>>();
        Parallel.For(0, (count + RowTile - 1) / RowTile, tile =>
        {
            var pairs = new List<CosinePair>();
            var vectors = rows.Span;
            var firstRow = tile * RowTile;
            var endRow = Math.Min(count, firstRow + RowTile);
            for (var firstColumn = firstRow; firstColumn < count; firstColumn += ColumnTile)
            {
                var endColumn = Math.Min(count, firstColumn + ColumnTile);
                for (var row = firstRow; row < endRow; row++)
                {
                    var left = vectors.Slice(row * dimensions, dimensions);
                    for (var column = Math.Max(firstColumn, row + 1); column < endColumn; column++)
                    {
                        var cosine = TensorPrimitives.Dot(left, vectors.Slice(column * dimensions, dimensions));
                        if (cosine >= threshold)
                        {
                            pairs.Add(new CosinePair(row, column, cosine));
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
}
