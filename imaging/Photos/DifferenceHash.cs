namespace GalleryOrleans.Imaging.Photos;

/// <summary>64-bit difference hash: on a 9x8 grid, one bit per cell that is darker than its right neighbour.</summary>
internal static class DifferenceHash
{
    public const int GridWidth = 9;
    public const int GridHeight = 8;

    public static ulong Compute(ReadOnlySpan<float> grid)
    {
        if (grid.Length != GridWidth * GridHeight)
        {
            throw new ArgumentException($"Grid must be {GridWidth}x{GridHeight}.", nameof(grid));
        }

        ulong hash = 0;
        var bit = 0;
        for (var y = 0; y < GridHeight; y++)
        {
            var row = grid.Slice(y * GridWidth, GridWidth);
            for (var x = 0; x < GridWidth - 1; x++, bit++)
            {
                if (row[x] < row[x + 1])
                {
                    hash |= 1UL << bit;
                }
            }
        }

        return hash;
    }
}
