using GalleryOrleans.Abstractions.Gallery;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// The newest items of one listing in its keyset order (created_at, id, newest first), at most a capacity of them:
/// always a prefix of the full listing, and <see cref="IsComplete"/> when it holds all of it. A page it cannot
/// answer exactly (it would need items beyond the prefix) is null, so the caller asks the catalog instead.
/// </summary>
public sealed class LibraryWindow<T>(int capacity, Func<T, GalleryCursor> keyOf, Func<T, Guid> idOf)
{
    private readonly List<T> items = [];

    public bool IsComplete { get; private set; }

    public IReadOnlyList<T> Items => items;

    public void Reset(IEnumerable<T> newest, bool isComplete)
    {
        items.Clear();
        items.AddRange(newest.Take(capacity));
        IsComplete = isComplete;
    }

    public T? Find(Guid id) => items.Find(item => idOf(item) == id);

    /// <summary>Adds or replaces the item; one that sorts after an incomplete prefix is beyond it and left out.</summary>
    public void Save(T item)
    {
        Remove(idOf(item));
        var position = PositionAfter(keyOf(item), inclusive: true);
        if (position == items.Count && !IsComplete)
        {
            return;
        }
        items.Insert(position, item);
        if (items.Count > capacity)
        {
            items.RemoveAt(items.Count - 1);
            IsComplete = false;
        }
    }

    public void Remove(Guid id) => items.RemoveAll(item => idOf(item) == id);

    public void Replace(Guid id, Func<T, T> change)
    {
        var index = items.FindIndex(item => idOf(item) == id);
        if (index >= 0)
        {
            items[index] = change(items[index]);
        }
    }

    /// <summary>The page after <paramref name="cursor"/> of the items matching <paramref name="filter"/>, as the catalog
    /// would answer it, or null when answering needs items this window does not hold.</summary>
    public Page<T>? PageAfter(GalleryCursor? cursor, int limit, Func<T, bool> filter)
    {
        var start = cursor is { } after ? PositionAfter(after, inclusive: false) : 0;
        var page = new List<T>(Math.Min(limit, items.Count));
        for (var i = start; i < items.Count; i++)
        {
            if (!filter(items[i]))
            {
                continue;
            }
            if (page.Count == limit)
            {
                return new Page<T>(page, keyOf(page[^1]).Encode());
            }
            page.Add(items[i]);
        }
        return IsComplete ? new Page<T>(page, null) : null;
    }

    /// <summary>The index of the first item that sorts after <paramref name="key"/> (newest first), or at it when inclusive.</summary>
    private int PositionAfter(GalleryCursor key, bool inclusive)
    {
        var position = 0;
        while (position < items.Count && Compare(keyOf(items[position]), key) is var order && (order > 0 || (!inclusive && order == 0)))
        {
            position++;
        }
        return position;
    }

    // Newest first; ties on the timestamp by id, as PostgreSQL orders uuids (byte order, which Guid.CompareTo follows).
    private static int Compare(GalleryCursor left, GalleryCursor right) =>
        left.CreatedAt != right.CreatedAt ? left.CreatedAt.CompareTo(right.CreatedAt) : left.Id.CompareTo(right.Id);
}
