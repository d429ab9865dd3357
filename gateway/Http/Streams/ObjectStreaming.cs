using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using Orleans.Concurrency;

namespace GalleryOrleans.Gateway.Http.Streams;

/// <summary>
/// Moves bytes between an HTTP body and the storage grains in 1 MiB chunks. An upload reads the next chunk while
/// the previous one is in flight; a download keeps a few reads ahead. Memory stays at a few chunks per request.
/// </summary>
internal static class ObjectStreaming
{
    /// <summary>Chunks of a download requested ahead of the one being sent, so disk, silo and network overlap.</summary>
    private const int ReadAhead = 3;

    /// <summary>Streams the body to a fresh writer and seals it; on any failure the writer discards what it got.</summary>
    public static Task<Result<SealedObject, StorageFailure>> WriteAsync(
        IClusterClient cluster, Stream body, string? expectedMd5Hex, string? expectedSha256Hex, CancellationToken cancellationToken) =>
        cluster.SealNewAsync(async writer =>
        {
            var pending = Task.CompletedTask;
            long length = 0;
            while (await ReadChunkAsync(body, cancellationToken) is { Length: > 0 } chunk)
            {
                await pending;
                pending = writer.Append(chunk);
                length += chunk.Length;
            }
            await pending;
            return await writer.Seal(length, expectedMd5Hex, expectedSha256Hex);
        });

    /// <summary>
    /// Copies a range of a published object into a fresh writer on the silo and seals it; a copy of the whole object
    /// shares the source's file where the storage allows. A failure discards the copy.
    /// </summary>
    public static Task<Result<SealedObject, StorageFailure>> CopyAsync(IClusterClient cluster, ObjectInfo source, long offset, long length) =>
        cluster.SealNewAsync(async writer =>
        {
            if (offset == 0 && length == source.Size)
            {
                return await writer.SealCopyOf(source);
            }
            await writer.AppendFrom(source.Location, offset, length);
            return await writer.Seal(length, null, null);
        });

    /// <summary>Copies <paramref name="length"/> bytes of an object from <paramref name="offset"/> to the output.</summary>
    public static async Task CopyToAsync(
        IClusterClient cluster, ObjectLocation location, long offset, long length, Stream output, CancellationToken cancellationToken)
    {
        var store = cluster.GetGrain<IObjectStoreGrain>(0);
        var end = offset + length;
        var reads = new Queue<(Task<Immutable<byte[]>> Chunk, int Count)>();
        while (true)
        {
            while (reads.Count < ReadAhead && offset < end)
            {
                var count = (int)Math.Min(ObjectChunks.Size, end - offset);
                reads.Enqueue((store.Read(location, offset, count), count));
                offset += count;
            }
            if (!reads.TryDequeue(out var next))
            {
                return;
            }
            var chunk = (await next.Chunk).Value;
            if (chunk.Length != next.Count)
            {
                throw new IOException("The object's file is shorter than its recorded size.");
            }
            await output.WriteAsync(chunk, cancellationToken);
        }
    }

    private static async Task<byte[]> ReadChunkAsync(Stream body, CancellationToken cancellationToken)
    {
        // Every byte sent is read into it first, so it need not be zeroed: for a small object, zeroing a whole chunk
        // was the largest single cost of the upload in the gateway.
        var buffer = GC.AllocateUninitializedArray<byte>(ObjectChunks.Size);
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
