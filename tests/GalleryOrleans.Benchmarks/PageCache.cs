namespace GalleryOrleans.Benchmarks;

/// <summary>The kernel's page cache, put into a known state before each measurement.</summary>
internal static class PageCache
{
    /// <summary>Writes dirty pages out, so an earlier step's writeback does not land in the next measurement.</summary>
    public static Task FlushAsync(CancellationToken cancellationToken) => ExternalCommand.RunAsync("sync", [], cancellationToken);

    /// <summary>Flushes and then drops clean pages, so the next read comes from the disk; false when not allowed (needs root).</summary>
    public static async Task<bool> TryDropAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        try
        {
            await File.WriteAllTextAsync("/proc/sys/vm/drop_caches", "3", cancellationToken);
            return true;
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    /// <summary>Before a timed write: the source is read from memory and nothing from before is still being written back.</summary>
    public static async Task PrepareWriteAsync(string source, CancellationToken cancellationToken)
    {
        await WarmAsync(source, cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Reads a file once, so a measurement that reads it as its source does not wait for the disk.</summary>
    public static async Task WarmAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await file.CopyToAsync(Stream.Null, cancellationToken);
    }
}
