using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// The records of a bucket's most recently read or written objects, at most <see cref="Capacity"/>, least recently used
/// first out, so a GET of a recent key reads no catalog row. Correct only in the bucket grain, the one writer of its rows,
/// which forgets a key before changing its row and remembers the new record once the change is committed.
/// </summary>
internal sealed class RecentObjects
{
    public const int Capacity = 4096;

    private readonly Dictionary<string, LinkedListNode<ObjectInfo>> byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<ObjectInfo> byUse = new();

    /// <summary>Counts the keys forgotten so far, so a reader can tell whether a write came between its read and its caching.</summary>
    public long Changes { get; private set; }

    public ObjectInfo? Find(string key)
    {
        if (!byKey.TryGetValue(key, out var node))
        {
            return null;
        }
        byUse.Remove(node);
        byUse.AddFirst(node);
        return node.Value;
    }

    public void Remember(ObjectInfo info)
    {
        Forget(info.Key);
        byKey[info.Key] = byUse.AddFirst(info);
        if (byKey.Count > Capacity)
        {
            Forget(byUse.Last!.Value.Key);
        }
    }

    public void Forget(string key)
    {
        Changes++;
        if (byKey.Remove(key, out var node))
        {
            byUse.Remove(node);
        }
    }

    public void Clear()
    {
        byKey.Clear();
        byUse.Clear();
    }
}
