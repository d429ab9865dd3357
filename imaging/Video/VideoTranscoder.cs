using GalleryOrleans.Imaging.MediaTools;

namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// Makes a video's browser rendition with ffmpeg: H.264 (8-bit 4:2:0) and AAC in MP4 with the index in front
/// (+faststart, so playback starts before the whole file arrives), the shorter side at most 1080 pixels, upright,
/// without the original's metadata (position, device), so share links can serve it.
/// Runs on the one-at-a-time transcode pool of <see cref="MediaToolRunner"/>.
/// </summary>
public sealed class VideoTranscoder(MediaToolRunner tools)
{
    public const int MaxShortSide = 1080;

    // Even sizes, as 4:2:0 needs; -2 keeps the aspect ratio. iw and ih are already after autorotation.
    private static readonly string Scale =
        $"scale=w='if(gte(iw,ih),-2,trunc(min({MaxShortSide},iw)/2)*2)':h='if(gte(iw,ih),trunc(min({MaxShortSide},ih)/2)*2,-2)'";

    /// <summary>The ffmpeg arguments, also used by the benchmark as its bare-ffmpeg reference.</summary>
    public static IReadOnlyList<string> Arguments(string source, string output) =>
    [
        "-nostdin", "-v", "error", "-i", source,
        "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn", "-map_metadata", "-1",
        "-vf", Scale, "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "128k", "-ac", "2",
        "-movflags", "+faststart", "-f", "mp4", "-y", output,
    ];

    /// <returns>Null when the rendition was written to <paramref name="output"/>, else why not.</returns>
    public async Task<string?> TranscodeAsync(string source, string output)
    {
        var run = await tools.TranscodeAsync("ffmpeg", Arguments(source, output));
        return run.Succeeded && File.Exists(output) ? null : run.Reason;
    }
}
