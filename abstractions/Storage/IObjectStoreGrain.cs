using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Storage;

/// <summary>Reads, copies and deletes published object files; a stateless worker on every silo.</summary>
public interface IObjectStoreGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Up to <paramref name="count"/> bytes (at most 1 MiB) from <paramref name="offset"/>. Immutable, because Orleans
    /// deep-copies every response that is not: a second 1 MiB allocation and copy per chunk.
    /// </summary>
    Task<Immutable<byte[]>> Read(ObjectLocation location, long offset, int count);

    Task Delete(ObjectLocation location);
}
