using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.MediaTools;

namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// What an uploaded video gets at upload, as a photo does: its facts from ffprobe, and the 256 and 1024 px WebP
/// thumbnails of its poster frame, and whether browsers play it as it is (which decides its first playback state).
/// </summary>
public sealed class VideoInspector(VideoProbe probe, VideoPoster poster)
{
    /// <exception cref="UnreadableMediaException">Not a video that ffprobe and ffmpeg can read, or too large.</exception>
    public async Task<(ImageInspection Inspection, VideoFacts Facts, bool PlaysAsUploaded)> InspectAsync(string path, string contentType, ScratchFiles scratch)
    {
        var facts = await probe.ProbeAsync(path);
        var frame = await poster.TakeAsync(path, facts.DurationMs, scratch);
        var thumbnails = await Task.Run(() => ThumbnailRenderer.Render(frame, hasColourProfile: false));
        var inspection = new ImageInspection(
            facts.Width, facts.Height, 1, facts.TakenAt, null, null, facts.Latitude, facts.Longitude, thumbnails, facts.ContentIdentifier);
        return (inspection, facts, BrowserPlayback.PlaysAsUploaded(contentType, facts));
    }
}
