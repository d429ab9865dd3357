using System.Runtime.InteropServices;

namespace GalleryOrleans.Abstractions.Storage.Files;

/// <summary>
/// Renames a file that is already flushed to the disk into its final folder and flushes the folder too (and the
/// folder above, when the final one had to be created), so the new name survives a crash once this returns: a
/// rename alone lives in the page cache until the kernel writes the folder back.
/// </summary>
public static partial class DurableMove
{
    private const int ReadOnly = 0;

    public static void Move(string source, string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        var created = !Directory.Exists(folder);
        if (created)
        {
            Directory.CreateDirectory(folder);
        }
        File.Move(source, target);
        FlushFolder(folder);
        if (created)
        {
            FlushFolder(Path.GetDirectoryName(folder)!);
        }
    }

    /// <summary>fsync(2) of a folder, which .NET cannot open as a file; elsewhere than Linux nothing is done.</summary>
    private static void FlushFolder(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var fd = Open(folder, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Could not open the folder {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Could not flush the folder {folder} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
