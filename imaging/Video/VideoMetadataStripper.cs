using GalleryOrleans.Imaging.MediaTools;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// Writes the copy of a video that share visitors get: its video and sound streams copied as they are (no re-encoding,
/// so it takes about as long as reading the file), in the original's container, without the global and per-stream
/// metadata (position such as com.apple.quicktime.location.ISO6709 or the ©xyz atom, device make and model, dates),
/// chapters, subtitle and data tracks (a phone's timed-metadata track carries positions too). Bit-exact mode leaves
/// out the muxer's own encoder tag. Runs on the short-job pool of <see cref="MediaToolRunner"/>, since a visitor waits.
/// </summary>
public sealed class VideoMetadataStripper(MediaToolRunner tools)
{
    public static IReadOnlyList<string> Arguments(string source, string format, string output) =>
    [
        "-nostdin", "-v", "error", "-i", source,
        "-map", "0:v", "-map", "0:a?", "-sn", "-dn", "-map_metadata", "-1", "-map_chapters", "-1", "-c", "copy",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        .. format == "webm" ? Array.Empty<string>() : ["-movflags", "+faststart"],
        "-f", format, "-y", output,
    ];

    /// <summary>Writes the copy to <paramref name="output"/>; answers its content type and file suffix.</summary>
    /// <exception cref="UnreadableMediaException">The video cannot be copied.</exception>
    public async Task<(string ContentType, string Suffix)> StripAsync(string source, string contentType, string output)
    {
        var (format, suffix) = contentType switch
        {
            "video/mp4" => ("mp4", ".mp4"),
            "video/quicktime" => ("mov", ".mov"),
            "video/webm" => ("webm", ".webm"),
            _ => throw new UnreadableMediaException(UnreadableMediaReason.Unsupported, $"{contentType} videos cannot be copied without their metadata"),
        };
        var run = await tools.DecodeAsync("ffmpeg", Arguments(source, format, output));
        return run.Succeeded && File.Exists(output)
            ? (contentType, suffix)
            : throw new UnreadableMediaException(UnreadableMediaReason.Corrupt, $"cannot be copied without its metadata: {run.Reason}");
    }
}
