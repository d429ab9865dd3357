using System.Text.Json;
using GalleryOrleans.Tests.Imaging;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// A 2 s H.264/AAC MP4 (which browsers play as uploaded) carrying what a phone writes about where and with what it was
/// filmed: the ©xyz location, Apple's ISO 6709 location key, and the device make and model. About 235 kB at a constant
/// bit rate, so that its copy does not fit in <see cref="Resilience.QuotaCluster"/>'s quota next to it.
/// </summary>
internal static class TaggedVideo
{
    public const string Position = "+48.8584+002.2945";
    public const string Model = "Pixelmaster 9";

    public static async Task<byte[]> Mp4Async(TempFolder folder)
    {
        var path = folder.File(Guid.NewGuid().ToString("N") + ".mp4");
        await ExternalCommand.RunAsync("ffmpeg",
        [
            "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-b:v", "900k", "-minrate", "900k", "-maxrate", "900k", "-bufsize", "900k", "-x264-params", "nal-hrd=cbr",
            "-c:a", "aac", "-movflags", "+faststart+use_metadata_tags",
            "-metadata", $"location={Position}/",
            "-metadata", $"com.apple.quicktime.location.ISO6709={Position}+035.000/",
            "-metadata", "com.apple.quicktime.make=Acme", "-metadata", $"com.apple.quicktime.model={Model}",
            "-metadata", "make=Acme", "-metadata", $"model={Model}",
            "-y", path,
        ]);
        return File.ReadAllBytes(path);
    }

    /// <summary>Every tag ffprobe reads from the file's container and streams, as "key=value".</summary>
    public static async Task<IReadOnlyList<string>> TagsAsync(TempFolder folder, byte[] video)
    {
        var path = folder.File(Guid.NewGuid().ToString("N") + ".mp4");
        await File.WriteAllBytesAsync(path, video);
        using var probe = JsonDocument.Parse(await ExternalCommand.RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]));
        var sections = probe.RootElement.GetProperty("streams").EnumerateArray().Append(probe.RootElement.GetProperty("format"));
        return [.. sections.SelectMany(section => section.TryGetProperty("tags", out var tags)
            ? tags.EnumerateObject().Select(tag => $"{tag.Name}={tag.Value.GetString()}")
            : [])];
    }

    /// <summary>Whether any tag names a position, a device make or a device model.</summary>
    public static bool TellsWhereOrWithWhat(IEnumerable<string> tags) => tags.Any(tag =>
        tag.Contains("location", StringComparison.OrdinalIgnoreCase) || tag.Contains("make", StringComparison.OrdinalIgnoreCase)
        || tag.Contains("model", StringComparison.OrdinalIgnoreCase) || tag.Contains(Position, StringComparison.Ordinal));
}
