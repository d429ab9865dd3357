namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// Aborts multipart uploads that were started and then neither completed nor aborted, once they are older
/// than the configured age, so their parts do not stay on disk for ever. One per cluster (key 0), woken by a
/// reminder.
/// </summary>
public interface IMultipartExpiryGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder that runs <see cref="Sweep"/> is registered; every silo calls it at start.</summary>
    Task Start();

    /// <summary>Aborts every upload started before the configured age; answers how many it aborted.</summary>
    Task<int> Sweep();
}
