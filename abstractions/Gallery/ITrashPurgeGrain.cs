namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>
/// Deletes for good what has been in anyone's trash longer than the retention (Trash:Retention, 30 days by default).
/// One per cluster (key 0), woken by a reminder.
/// </summary>
public interface ITrashPurgeGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder that runs <see cref="Purge"/> is registered; every silo calls it at start.</summary>
    Task Start();

    /// <summary>Purges every media trashed longer ago than the retention; answers how many.</summary>
    Task<int> Purge();
}
