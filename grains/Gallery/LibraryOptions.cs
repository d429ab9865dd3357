namespace GalleryOrleans.Grains.Gallery;

/// <summary>Settings of the per-user library grain (section "Library").</summary>
public sealed class LibraryOptions
{
    public const string Section = "Library";

    /// <summary>
    /// How many of the newest albums and of the newest media one user's library holds in memory. The default is the
    /// largest page size, so every first page is answered from memory.
    /// </summary>
    public int WindowSize { get; set; } = 500;
}
