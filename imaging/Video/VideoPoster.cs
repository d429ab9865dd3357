using System.Globalization;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.MediaTools;

namespace GalleryOrleans.Imaging.Video;

/// <summary>Takes a video's poster frame with ffmpeg, upright (ffmpeg applies the container's rotation).</summary>
public sealed class VideoPoster(MediaToolRunner tools)
{
    // A second in, past the fade-in or black frame many clips start with; the middle of shorter clips.
    private static readonly TimeSpan PreferredAt = TimeSpan.FromSeconds(1);

    /// <returns>The path of a JPEG among <paramref name="scratch"/>'s files.</returns>
    /// <exception cref="UnreadableMediaException">No frame could be decoded.</exception>
    public async Task<string> TakeAsync(string path, long durationMs, ScratchFiles scratch)
    {
        var at = Math.Min(PreferredAt.TotalSeconds, durationMs / 2000d);
        var output = scratch.NewPath("-poster.jpg");
        var run = await tools.DecodeAsync("ffmpeg",
        [
            "-nostdin", "-v", "error", "-ss", at.ToString("0.###", CultureInfo.InvariantCulture), "-i", path,
            "-frames:v", "1", "-q:v", "2", "-y", output,
        ]);
        if (!run.Succeeded || !File.Exists(output) || new FileInfo(output).Length == 0)
        {
            throw new UnreadableMediaException(UnreadableMediaReason.Corrupt, $"no frame of the video could be decoded: {run.Reason}");
        }
        return output;
    }
}
