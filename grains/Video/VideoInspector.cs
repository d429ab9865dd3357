using GalleryOrleans.Grains.Imaging;
using GalleryOrleans.Grains.MediaTools;

namespace GalleryOrleans.Grains.Video;

/// <summary>
/// What an uploaded video gets at upload, as a photo does: its facts from ffprobe, and the 256 and 1024 px WebP
/// thumbnails of its poster frame; whether browsers play it as it is decides its first playback state.
/// </summary>
public sealed class VideoInspector(VideoProbe probe, VideoPoster poster)
{
    /// <exception cref="UnreadableMediaException">Not a video that ffprobe and ffmpeg can read, or too large.</exception>
    public async Task<(ImageInspection Inspection, VideoDetails Details)> InspectAsync(string path, string contentType, ScratchFiles scratch)
    {
        var facts = await probe.ProbeAsync(path);
        var frame = await poster.TakeAsync(path, facts.DurationMs, scratch);
        var thumbnails = await Task.Run(() => ThumbnailRenderer.Render(frame, hasColourProfile: false));
        var inspection = new ImageInspection(
            facts.Width, facts.Height, 1, facts.TakenAt, null, null, facts.Latitude, facts.Longitude, thumbnails);
        var playback = BrowserPlayback.PlaysAsUploaded(contentType, facts) ? PlaybackStates.Ready : PlaybackStates.Pending;
        return (inspection, new VideoDetails(facts.DurationMs, facts.Codec, playback));
    }
}
