using GalleryOrleans.Imaging.Video;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>A video's facts kept in its media row, and its browser rendition once made.</summary>
/// <param name="Playback">One of <see cref="PlaybackStates"/>.</param>
/// <param name="Rendition">The H.264 MP4 made for browsers; null while pending, on failure, or when the original plays as it is.</param>
public sealed record VideoDetails(long DurationMs, string Codec, string Playback, StoredFile? Rendition = null)
{
    /// <summary>A video as uploaded: ready when browsers play the original as it is, pending its rendition otherwise.</summary>
    public static VideoDetails Uploaded(VideoFacts facts, bool playsAsUploaded) =>
        new(facts.DurationMs, facts.Codec, playsAsUploaded ? PlaybackStates.Ready : PlaybackStates.Pending);
}

public static class PlaybackStates
{
    public const string Ready = "ready";
    public const string Pending = "pending";
    public const string Failed = "failed";
}
