using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Gateway.Storage;

/// <summary>
/// Moves bytes between an HTTP body and the storage grains in 1 MiB chunks. The next chunk is read
/// while the previous one is in flight, so network and disk overlap; memory stays at two chunks.
/// </summary>
internal static class ObjectStreaming
{
    /// <summary>Streams the body to a fresh writer and seals it; on any failure the writer discards what it got.</summary>
    public static async Task<Result<SealedObject, StorageFailure>> WriteAsync(
        IClusterClient cluster, Stream body, string? expectedMd5Hex, string? expectedSha256Hex, CancellationToken cancellationToken)
    {
        var writer = cluster.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
        try
        {
            var pending = Task.CompletedTask;
            while (await ReadChunkAsync(body, cancellationToken) is { Length: > 0 } chunk)
            {
                await pending;
                pending = writer.Append(chunk);
            }
            await pending;
            return await writer.Seal(expectedMd5Hex, expectedSha256Hex);
        }
        catch
        {
            await writer.Discard();
            throw;
        }
    }

    /// <summary>Copies <paramref name="length"/> bytes of an object from <paramref name="offset"/> to the output.</summary>
    public static async Task CopyToAsync(
        IClusterClient cluster, ObjectLocation location, long offset, long length, Stream output, CancellationToken cancellationToken)
    {
        var store = cluster.GetGrain<IObjectStoreGrain>(0);
        var end = offset + length;
        Task<byte[]>? next = length > 0 ? store.Read(location, offset, (int)Math.Min(ObjectChunks.Size, length)) : null;
        while (next is not null)
        {
            var chunk = await next;
            if (chunk.Length == 0)
            {
                throw new IOException("The object's file is shorter than its recorded size.");
            }
            offset += chunk.Length;
            next = offset < end ? store.Read(location, offset, (int)Math.Min(ObjectChunks.Size, end - offset)) : null;
            await output.WriteAsync(chunk, cancellationToken);
        }
    }

    private static async Task<byte[]> ReadChunkAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[ObjectChunks.Size];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return filled == buffer.Length ? buffer : buffer[..filled];
    }
}
