namespace GalleryOrleans.Imaging.Photos;

internal static class HashBits
{
    /// <summary>Bit i is set when values[i] is above the median of the 64 values.</summary>
    public static ulong AboveMedian(ReadOnlySpan<float> values)
    {
        if (values.Length != 64)
        {
            throw new ArgumentException("Exactly 64 values are needed for a 64-bit hash.", nameof(values));
        }

        Span<float> sorted = stackalloc float[64];
        values.CopyTo(sorted);
        sorted.Sort();
        var median = (sorted[31] + sorted[32]) / 2;

        ulong hash = 0;
        for (var i = 0; i < 64; i++)
        {
            if (values[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }
}
