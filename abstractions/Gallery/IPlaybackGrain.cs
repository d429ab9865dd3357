using GalleryOrleans.Abstractions.Storage;

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

/// <summary>What the playback job transcodes: a pending video's original, and whose bucket the rendition goes to.</summary>
[GenerateSerializer, Immutable]
public sealed record PlaybackSource([property: Id(0)] Guid Owner, [property: Id(1)] ObjectLocation Original);

/// <summary>A stored rendition, as the playback job hands it to the media grain.</summary>
[GenerateSerializer, Immutable]
public sealed record PlaybackRendition(
    [property: Id(0)] string Key,
    [property: Id(1)] ObjectLocation Location,
    [property: Id(2)] long Size,
    [property: Id(3)] string ETag);
