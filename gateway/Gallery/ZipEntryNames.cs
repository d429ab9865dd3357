namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// Names for the entries of one archive: the file's own name without any folder part (so no entry can point
/// outside the folder it is unpacked into), and "name (2).ext" for the second file of the same name.
/// </summary>
internal sealed class ZipEntryNames
{
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    public string Next(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (name is "" or "." or "..")
        {
            name = "file";
        }
        var candidate = name;
        for (var copy = 2; !used.Add(candidate); copy++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({copy}){Path.GetExtension(name)}";
        }
        return candidate;
    }
}
