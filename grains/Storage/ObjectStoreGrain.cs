using GalleryOrleans.Abstractions.Storage;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Storage;

[StatelessWorker]
public sealed class ObjectStoreGrain(StorageLayout layout) : Grain, IObjectStoreGrain
{
    public async Task<byte[]> Read(ObjectLocation location, long offset, int count)
    {
        await using var input = new FileStream(layout.PathOf(location), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous);
        var available = Math.Max(0, input.Length - offset);
        var buffer = new byte[(int)Math.Min(Math.Min(count, ObjectChunks.Size), available)];
        input.Position = offset;
        await input.ReadExactlyAsync(buffer);
        return buffer;
    }

    public Task Delete(ObjectLocation location)
    {
        File.Delete(layout.PathOf(location));
        return Task.CompletedTask;
    }
}
