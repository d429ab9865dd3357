using GalleryOrleans.Abstractions.Storage;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Storage;

[StatelessWorker]
public sealed class ObjectStoreGrain(StorageLayout layout) : Grain, IObjectStoreGrain
{
    public async Task<Immutable<byte[]>> Read(ObjectLocation location, long offset, int count)
    {
        using var input = File.OpenHandle(layout.PathOf(location), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var available = Math.Max(0, RandomAccess.GetLength(input) - offset);
        // Every byte is overwritten below, so the array need not be zeroed first.
        var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(Math.Min(count, ObjectChunks.Size), available));
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(input, buffer.AsMemory(filled), offset + filled);
            if (read == 0)
            {
                return buffer[..filled].AsImmutable();
            }
            filled += read;
        }
        return buffer.AsImmutable();
    }

    public Task Delete(ObjectLocation location)
    {
        File.Delete(layout.PathOf(location));
        return Task.CompletedTask;
    }
}
