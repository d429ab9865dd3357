namespace GalleryOrleans.Imaging.MediaTools;

/// <summary>
/// Temporary files of one decode or transcode, named in the silo's temporary folder (which the silo sweeps at
/// start, so a crash leaves nothing for long) and deleted together on dispose.
/// </summary>
public sealed class ScratchFiles(string directory) : IDisposable
{
    private readonly string prefix = Path.Combine(directory, Guid.NewGuid().ToString("N"));

    /// <summary>A path in the temporary folder, unique to this set, ending in <paramref name="suffix"/>.</summary>
    public string NewPath(string suffix)
    {
        Directory.CreateDirectory(directory);
        return prefix + suffix;
    }

    public void Dispose()
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(prefix) + "*"))
        {
            File.Delete(file);
        }
    }
}
