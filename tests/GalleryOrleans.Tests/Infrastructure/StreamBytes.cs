namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>Everything left in a stream, read to its end, for comparing bodies with what was sent.</summary>
public static class StreamBytes
{
    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
