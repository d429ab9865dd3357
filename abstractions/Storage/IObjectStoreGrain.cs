namespace GalleryOrleans.Abstractions.Storage;

/// <summary>Reads, copies and deletes published object files; a stateless worker on every silo.</summary>
public interface IObjectStoreGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="count"/> bytes (at most 1 MiB) from <paramref name="offset"/>.</summary>
    Task<byte[]> Read(ObjectLocation location, long offset, int count);

    Task Delete(ObjectLocation location);
}

public static class ObjectChunks
{
    public const int Size = 1024 * 1024;
}
