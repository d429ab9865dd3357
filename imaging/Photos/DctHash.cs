namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// The classic 64-bit perceptual hash: 2D DCT-II of a 32x32 luminance grid, keep the 8x8 block of lowest
/// frequencies next to DC, and set a bit for every coefficient above their median.
/// </summary>
internal static class DctHash
{
    public const int GridSize = 32;
    private const int KeptFrequencies = 8;

    // Frequencies 1..8 on both axes: skipping row and column 0 drops DC (overall brightness) and the
    // coefficients that see only horizontal or only vertical mean structure, which crops disturb most.
    private const int FirstFrequency = 1;

    /// <summary>Cosine basis [frequency, sample], one row per kept frequency.</summary>
    private static readonly float[] Basis = BuildBasis();

    public static ulong Compute(ReadOnlySpan<float> grid)
    {
        if (grid.Length != GridSize * GridSize)
        {
            throw new ArgumentException($"Grid must be {GridSize}x{GridSize}.", nameof(grid));
        }

        // Separable DCT restricted to the kept frequencies: first along columns (rows x samples), then rows.
        Span<float> partial = stackalloc float[KeptFrequencies * GridSize];
        for (var u = 0; u < KeptFrequencies; u++)
        {
            var basis = Basis.AsSpan(u * GridSize, GridSize);
            var sums = partial.Slice(u * GridSize, GridSize);
            for (var y = 0; y < GridSize; y++)
            {
                var weight = basis[y];
                var line = grid.Slice(y * GridSize, GridSize);
                for (var x = 0; x < GridSize; x++)
                {
                    sums[x] += weight * line[x];
                }
            }
        }

        Span<float> coefficients = stackalloc float[KeptFrequencies * KeptFrequencies];
        for (var u = 0; u < KeptFrequencies; u++)
        {
            var sums = partial.Slice(u * GridSize, GridSize);
            for (var v = 0; v < KeptFrequencies; v++)
            {
                var basis = Basis.AsSpan(v * GridSize, GridSize);
                var sum = 0f;
                for (var x = 0; x < GridSize; x++)
                {
                    sum += sums[x] * basis[x];
                }

                coefficients[u * KeptFrequencies + v] = sum;
            }
        }

        return HashBits.AboveMedian(coefficients);
    }

    private static float[] BuildBasis()
    {
        // All kept frequencies are >= 1, so the orthonormal scale sqrt(2/N) is shared and can be left out.
        var basis = new float[KeptFrequencies * GridSize];
        for (var k = 0; k < KeptFrequencies; k++)
        {
            var frequency = k + FirstFrequency;
            for (var n = 0; n < GridSize; n++)
            {
                basis[k * GridSize + n] = (float)Math.Cos(Math.PI * frequency * (2 * n + 1) / (2.0 * GridSize));
            }
        }

        return basis;
    }
}
