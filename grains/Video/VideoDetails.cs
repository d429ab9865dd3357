using GalleryOrleans.Grains.Gallery;

namespace GalleryOrleans.Grains.Video;

/// <summary>A video's facts kept in its media row, and its browser rendition once made.</summary>
/// <param name="Playback">One of <see cref="PlaybackStates"/>.</param>
/// <param name="Rendition">The H.264 MP4 made for browsers; null while pending, on failure, or when the original plays as it is.</param>
public sealed record VideoDetails(long DurationMs, string Codec, string Playback, StoredFile? Rendition = null);

public static class PlaybackStates
{
    public const string Ready = "ready";
    public const string Pending = "pending";
    public const string Failed = "failed";
}
