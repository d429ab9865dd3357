using System.Runtime.InteropServices;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// A second name for an existing file (link(2)). Published object files are never changed in place, so two objects
/// can share one file: deleting or replacing either removes only its own name.
/// </summary>
internal static partial class HardLink
{
    /// <summary>False where the platform or the filesystem has no hard links, or the two paths are on different filesystems.</summary>
    public static bool TryCreate(string existingPath, string newPath) =>
        OperatingSystem.IsLinux() && Link(existingPath, newPath) == 0;

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existingPath, string newPath);
}
