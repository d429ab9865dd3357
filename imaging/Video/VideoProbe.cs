using System.Globalization;
using System.Text.Json;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.MediaTools;

namespace GalleryOrleans.Imaging.Video;

/// <summary>Reads a video's duration, displayed size, codecs, capture time and position with Debian's ffprobe.</summary>
public sealed class VideoProbe(MediaToolRunner tools, ImageLimits limits)
{
    /// <exception cref="UnreadableMediaException">Not a video ffprobe can read, or its frames are too large.</exception>
    public async Task<VideoFacts> ProbeAsync(string path)
    {
        var run = await tools.DecodeAsync("ffprobe",
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]);
        if (!run.Succeeded)
        {
            throw Unreadable(run.Reason);
        }
        var facts = Parse(run.Output) ?? throw Unreadable("no video stream");
        limits.EnsureWithin(facts.Width, facts.Height);
        return facts;
    }

    internal static VideoFacts? Parse(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
        var streams = root.TryGetProperty("streams", out var list) ? list.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(s => Text(s, "codec_type") == "video" && !IsCoverArt(s));
        if (video.ValueKind != JsonValueKind.Object || Number(video, "width") is not > 0 || Number(video, "height") is not > 0)
        {
            return null;
        }
        var audio = streams.FirstOrDefault(s => Text(s, "codec_type") == "audio");
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var tags = Tags(format);
        var turned = Math.Abs(Rotation(video)) % 180 == 90;
        var (width, height) = ((int)Number(video, "width")!, (int)Number(video, "height")!);
        var position = Iso6709.Parse(tags.GetValueOrDefault("com.apple.quicktime.location.ISO6709") ?? tags.GetValueOrDefault("location"));
        return new VideoFacts(
            (long)Math.Round((Seconds(format, "duration") ?? Seconds(video, "duration") ?? 0) * 1000),
            turned ? height : width,
            turned ? width : height,
            Text(video, "codec_name") ?? "unknown",
            Text(video, "pix_fmt"),
            format.ValueKind == JsonValueKind.Object ? Text(format, "format_name") ?? "" : "",
            audio.ValueKind == JsonValueKind.Object ? Text(audio, "codec_name") : null,
            TakenAt(tags.GetValueOrDefault("com.apple.quicktime.creationdate") ?? tags.GetValueOrDefault("creation_time")),
            position?.Latitude,
            position?.Longitude,
            LivePhotoIdentifier.Accept(tags.GetValueOrDefault("com.apple.quicktime.content.identifier")));
    }

    // An MP3 or M4A cover picture is a "video" stream of one attached frame.
    private static bool IsCoverArt(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition) && Number(disposition, "attached_pic") == 1;

    // Newer files carry a display matrix in side data, older ones a "rotate" tag.
    private static int Rotation(JsonElement video)
    {
        if (video.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var entry in sideData.EnumerateArray())
            {
                if (Number(entry, "rotation") is { } degrees)
                {
                    return (int)degrees;
                }
            }
        }
        return int.TryParse(Tags(video).GetValueOrDefault("rotate"), CultureInfo.InvariantCulture, out var tagged) ? tagged : 0;
    }

    private static DateTimeOffset? TakenAt(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1904 ? at : null;

    private static Dictionary<string, string> Tags(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object
            ? tags.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.String)
                .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value.GetString()!, StringComparer.OrdinalIgnoreCase)
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    // ffprobe prints durations as strings such as "2.000000".
    private static double? Seconds(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && double.TryParse(Text(element, name), CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? seconds
            : null;

    private static UnreadableMediaException Unreadable(string reason) =>
        new(UnreadableMediaReason.Corrupt, $"not a readable video: {reason}");
}
