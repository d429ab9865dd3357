using GalleryOrleans.Abstractions.Gallery;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// The pages one library answered from memory, as JSON bytes, kept until its next change under one version number:
/// repeated reads of a page get the same bytes without serialising again, or no bytes when the caller holds them.
/// </summary>
internal sealed class LibraryPages
{
    // A few page shapes are read over and over (the first pages, favourites, an album); beyond these, pages are built each time.
    private const int Capacity = 32;

    private readonly Dictionary<object, byte[]> pages = [];
    private long version = NewVersion();

    /// <summary>A page read from the catalog: it may not be kept, as no change of the catalog reaches this library.</summary>
    public static LibraryPage FromCatalog<T>(Page<T> page)
        where T : class => new(0, LibraryJson.Page(page));

    /// <summary>
    /// The page for <paramref name="key"/> at the current version, without bytes when the caller holds this version (the
    /// state is unchanged, so is every page of it), or null when memory cannot answer it.
    /// </summary>
    public LibraryPage? Answer<T>(object key, long heldVersion, Func<Page<T>?> fromMemory)
        where T : class
    {
        if (heldVersion == version)
        {
            return new LibraryPage(version, null);
        }
        if (!pages.TryGetValue(key, out var json))
        {
            if (fromMemory() is not { } page)
            {
                return null;
            }
            json = LibraryJson.Page(page);
            if (pages.Count < Capacity)
            {
                pages[key] = json;
            }
        }
        return new LibraryPage(version, json);
    }

    /// <summary>The library changed: every page kept or handed out so far is out of date.</summary>
    public void Invalidate()
    {
        pages.Clear();
        version = NewVersion();
    }

    // Random, not counted: a library activated again must not reuse a version a gateway still holds a page of.
    private static long NewVersion() => Random.Shared.NextInt64(1, long.MaxValue);
}
