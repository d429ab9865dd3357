namespace GalleryOrleans.Benchmarks;

internal static class StreamSink
{
    /// <summary>Reads a stream to its end, discarding the bytes; returns how many there were.</summary>
    public static async Task<long> DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }
        return total;
    }
}
