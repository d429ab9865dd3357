using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GalleryOrleans.Abstractions.Storage.Files;

/// <summary>
/// Writes a new file front to back with O_DIRECT: bytes are staged in aligned 1 MiB blocks that go to the disk
/// without a copy into the page cache, one block while the next fills. On this kind of VM the page-cache copy was
/// most of an upload's CPU. Where the filesystem refuses O_DIRECT (tmpfs), the same writes go through the cache.
/// The last block is padded to the alignment and the file cut back to its length in <see cref="Complete"/>.
/// </summary>
public sealed partial class UnbufferedFileWriter : IAsyncDisposable
{
    private readonly SafeFileHandle handle;
    private AlignedBlock filling = AlignedBlocks.Rent();
    private AlignedBlock? writing;
    private Task pendingWrite = Task.CompletedTask;
    private int filled;
    private long written;
    private bool disposed;

    private UnbufferedFileWriter(SafeFileHandle handle) => this.handle = handle;

    public long Length => written + filled;

    public static UnbufferedFileWriter CreateNew(string path)
    {
        try
        {
            var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            DirectIo.TryEnable(handle);
            return new UnbufferedFileWriter(handle);
        }
        catch (IOException error) when (StorageFullException.IsOutOfSpace(error))
        {
            throw new StorageFullException();
        }
    }

    /// <summary>
    /// Reopens a file that another writer completed (<see cref="Complete"/>) without sealing, to go on appending at its
    /// end: its last, partly filled block is read back and staged, and is written again in full once it fills.
    /// </summary>
    public static UnbufferedFileWriter Resume(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        var length = RandomAccess.GetLength(handle);
        var writer = new UnbufferedFileWriter(handle) { written = length - length % AlignedBlocks.Size };
        var tail = writer.filling.Memory[..(int)(length - writer.written)];
        while (writer.filled < tail.Length)
        {
            var read = RandomAccess.Read(handle, tail.Span[writer.filled..], writer.written + writer.filled);
            writer.filled += read > 0 ? read : throw new IOException($"{path} ended while its last block was read back.");
        }
        DirectIo.TryEnable(handle);
        return writer;
    }

    /// <summary>Stages <paramref name="data"/>, which the caller keeps unchanged until the task completes, and writes every block it fills.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var count = Math.Min(data.Length, AlignedBlocks.Size - filled);
            data[..count].CopyTo(filling.Memory[filled..]);
            filled += count;
            data = data[count..];
            if (filled == AlignedBlocks.Size)
            {
                await StartWritingFilledBlockAsync();
            }
        }
    }

    /// <summary>Writes what is staged, sets the exact length and flushes the file to the disk.</summary>
    public async Task Complete()
    {
        await pendingWrite;
        var length = Length;
        var padded = (filled + AlignedBlocks.Alignment - 1) / AlignedBlocks.Alignment * AlignedBlocks.Alignment;
        filling.Memory.Span[filled..padded].Clear();
        await WriteBlockAsync(filling.Memory[..padded], written);
        try
        {
            RandomAccess.SetLength(handle, length);
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException error) when (StorageFullException.IsOutOfSpace(error))
        {
            throw new StorageFullException();
        }
    }

    /// <summary>Closes the file once no write is in flight, and gives the blocks back; the file itself stays.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        try
        {
            await pendingWrite;
        }
        catch (IOException)
        {
            // Whoever disposes after a failed write is discarding the file anyway.
        }
        handle.Dispose();
        AlignedBlocks.Return(filling);
        if (writing is not null)
        {
            AlignedBlocks.Return(writing);
        }
    }

    private async Task StartWritingFilledBlockAsync()
    {
        await pendingWrite;
        var full = filling;
        filling = writing ?? AlignedBlocks.Rent();
        writing = full;
        pendingWrite = WriteBlockAsync(full.Memory, written);
        written += AlignedBlocks.Size;
        filled = 0;
    }

    private async Task WriteBlockAsync(ReadOnlyMemory<byte> block, long offset)
    {
        try
        {
            await RandomAccess.WriteAsync(handle, block, offset);
        }
        catch (IOException error) when (StorageFullException.IsOutOfSpace(error))
        {
            throw new StorageFullException();
        }
    }

    private static partial class DirectIo
    {
        private const int GetStatusFlags = 3;
        private const int SetStatusFlags = 4;

        /// <summary>Turns on O_DIRECT for an open file where the platform and the filesystem have it; elsewhere the file stays buffered.</summary>
        public static void TryEnable(SafeFileHandle handle)
        {
            var directFlag = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => 0x4000,
                Architecture.Arm64 => 0x10000,
                _ => 0,
            };
            if (!OperatingSystem.IsLinux() || directFlag == 0)
            {
                return;
            }
            var fd = (int)handle.DangerousGetHandle();
            var flags = Fcntl(fd, GetStatusFlags, 0);
            if (flags >= 0)
            {
                Fcntl(fd, SetStatusFlags, flags | directFlag);
            }
        }

        [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        private static partial int Fcntl(int fd, int command, int argument);
    }
}
