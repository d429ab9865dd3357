namespace GalleryOrleans.Abstractions.Storage;

/// <summary>The one way to fill a fresh object writer, from the gateway or from a grain.</summary>
public static class ObjectWriters
{
    /// <summary>
    /// Gives a fresh writer to <paramref name="fillAndSeal"/> and answers what its seal answered; on any failure the
    /// writer discards what it got at once, rather than when it is deactivated.
    /// </summary>
    public static async Task<Result<SealedObject, StorageFailure>> SealNewAsync(
        this IGrainFactory grains, Func<IObjectWriterGrain, Task<Result<SealedObject, StorageFailure>>> fillAndSeal)
    {
        var writer = grains.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
        try
        {
            return await fillAndSeal(writer);
        }
        catch
        {
            await writer.Discard();
            throw;
        }
    }
}
