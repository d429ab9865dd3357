using System.Buffers;
using GalleryOrleans.Abstractions.Storage;
using Microsoft.Win32.SafeHandles;

namespace GalleryOrleans.Gateway.Http.Streams;

/// <summary>
/// Object files read straight from the storage root (Storage:Root, the folder every silo mounts), once a grain has
/// authorised the read and named the file: the bytes of a download then never cross the Orleans hop. Without a root
/// configured, <see cref="Enabled"/> is false and downloads stream through the silos instead.
/// </summary>
internal sealed class PublishedFiles
{
    /// <summary>Bytes read from the file per step; the next step is read while this one is sent.</summary>
    private const int StepSize = 256 * 1024;

    private readonly string? root;

    public PublishedFiles(string? root)
    {
        this.root = string.IsNullOrWhiteSpace(root) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public bool Enabled => root is not null;

    /// <summary>
    /// Opens a published file for reading, or null when it is gone (its object was deleted or replaced since the grain
    /// named it). Published files never change once named, and an open file keeps its bytes after it is deleted, so
    /// what is read from the handle is the whole object as it was, never a mix of two.
    /// </summary>
    public SafeFileHandle? TryOpen(ObjectLocation location)
    {
        try
        {
            return File.OpenHandle(PathOf(location), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Sends <paramref name="length"/> bytes of the file from <paramref name="offset"/>, reading ahead of the network.</summary>
    public static async Task SendAsync(SafeFileHandle file, long offset, long length, Stream output, CancellationToken cancellationToken)
    {
        var size = (int)Math.Min(StepSize, Math.Max(length, 1));
        byte[] sending = ArrayPool<byte>.Shared.Rent(size), reading = ArrayPool<byte>.Shared.Rent(size);
        var end = offset + length;
        var pending = ReadStepAsync(file, reading, offset, end);
        try
        {
            while (offset < end)
            {
                var count = await pending;
                offset += count;
                (sending, reading) = (reading, sending);
                pending = ReadStepAsync(file, reading, offset, end);
                await output.WriteAsync(sending.AsMemory(0, count), cancellationToken);
            }
        }
        finally
        {
            // The buffer a read may still be filling goes back to the pool only once that read is over.
            await pending.ContinueWith(_ => { }, TaskScheduler.Default);
            ArrayPool<byte>.Shared.Return(sending);
            ArrayPool<byte>.Shared.Return(reading);
        }
    }

    private static async Task<int> ReadStepAsync(SafeFileHandle file, byte[] buffer, long offset, long end)
    {
        if (offset >= end)
        {
            return 0;
        }
        var count = (int)Math.Min(buffer.Length, end - offset);
        var filled = 0;
        while (filled < count)
        {
            var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(filled, count - filled), offset + filled);
            if (read == 0)
            {
                throw new IOException("The object's file is shorter than its recorded size.");
            }
            filled += read;
        }
        return filled;
    }

    /// <summary>The file's path, refusing a location of any other shape and any path that would leave the root.</summary>
    private string PathOf(ObjectLocation location)
    {
        if (root is null || !ObjectLocationShape.IsWellFormed(location))
        {
            throw new InvalidOperationException($"Not an object location under the storage root: '{location.RelativePath}'.");
        }
        var path = Path.GetFullPath(Path.Combine(root, location.RelativePath));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"Object location '{location.RelativePath}' leaves the storage root.");
    }
}
