namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>
/// The background job that makes one video's browser rendition, keyed by the media id. Silo-internal: only the
/// media grain starts it. A reminder restarts it after a crash until the media records the outcome.
/// </summary>
public interface IPlaybackGrain : IGrainWithGuidKey
{
    /// <summary>Starts the job unless it is running; answers at once.</summary>
    Task Start();
}
