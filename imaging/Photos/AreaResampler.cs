namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// Resamples a region of an 8-bit gray raster to a small float grid; each output cell is the exact
/// area-weighted mean of the source pixels it covers, so shrinking never aliases.
/// </summary>
internal static class AreaResampler
{
    public static void Resample(
        ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, GrayRegion region,
        Span<float> destination, int width, int height)
    {
        if (destination.Length != width * height)
        {
            throw new ArgumentException($"Destination must hold {width}x{height} cells.", nameof(destination));
        }

        var columns = AxisCoverage.Build(region.Left, region.Width, width, sourceWidth);
        var rows = AxisCoverage.Build(region.Top, region.Height, height, sourceHeight);
        for (var y = 0; y < height; y++)
        {
            var row = rows[y];
            for (var x = 0; x < width; x++)
            {
                var column = columns[x];
                var sum = 0f;
                for (var j = 0; j < row.Weights.Length; j++)
                {
                    var line = source.Slice((row.First + j) * sourceWidth + column.First, column.Weights.Length);
                    var lineSum = 0f;
                    for (var i = 0; i < line.Length; i++)
                    {
                        lineSum += line[i] * column.Weights[i];
                    }

                    sum += lineSum * row.Weights[j];
                }

                destination[y * width + x] = sum;
            }
        }
    }

    /// <summary>Source pixels covered by one output cell along one axis, weights summing to 1.</summary>
    private readonly record struct AxisCoverage(int First, float[] Weights)
    {
        public static AxisCoverage[] Build(float start, float length, int cells, int sourceSize)
        {
            var step = length / cells;
            var result = new AxisCoverage[cells];
            for (var cell = 0; cell < cells; cell++)
            {
                var from = start + cell * step;
                var to = from + step;
                // Clamped because float rounding can push an edge a hair past the raster.
                var first = Math.Clamp((int)MathF.Floor(from), 0, sourceSize - 1);
                var last = Math.Clamp((int)MathF.Ceiling(to) - 1, first, sourceSize - 1);
                var weights = new float[last - first + 1];
                for (var pixel = first; pixel <= last; pixel++)
                {
                    var overlap = MathF.Min(to, pixel + 1) - MathF.Max(from, pixel);
                    weights[pixel - first] = MathF.Max(0, overlap) / step;
                }

                result[cell] = new AxisCoverage(first, weights);
            }

            return result;
        }
    }
}
