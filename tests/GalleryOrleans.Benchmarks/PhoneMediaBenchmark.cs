using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using GalleryOrleans.Imaging.Video;

namespace GalleryOrleans.Benchmarks;

internal sealed record PhoneMediaResults(
    int Photos, double HeicPhotosPerSecond, double JpegPhotosPerSecond,
    double VideoSeconds, TimeSpan GalleryTranscode, TimeSpan BareFfmpeg)
{
    public double GalleryVideoSecondsPerSecond => VideoSeconds / GalleryTranscode.TotalSeconds;
    public double FfmpegVideoSecondsPerSecond => VideoSeconds / BareFfmpeg.TotalSeconds;
}

/// <summary>
/// iPhone-like media end to end: 12 MP HEIC photos uploaded against JPEGs of the same pictures, and an HEVC 1080p
/// clip from upload until its rendition is ready against bare ffmpeg with the same arguments on the same file.
/// </summary>
internal sealed class PhoneMediaBenchmark(HttpClient http, string accessToken, TestPhotos photos, string scratch, CpuMeter cpu)
{
    private const int Count = 20;
    private const int Concurrency = 4;
    private const int ClipSeconds = 10;

    public async Task<PhoneMediaResults> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"  encoding {Count} HEICs of {TestPhotos.Width}x{TestPhotos.Height} with heif-enc and a {ClipSeconds} s HEVC 1080p clip (not measured) ...");
        var jpegs = photos.Take(Count);
        var heics = new List<string>();
        foreach (var jpeg in jpegs)
        {
            var heic = Path.Combine(scratch, Path.GetFileNameWithoutExtension(jpeg) + ".heic");
            if (!File.Exists(heic))
            {
                await ExternalCommand.RunAsync("heif-enc", ["-q", "80", "-o", heic, jpeg], cancellationToken);
            }
            heics.Add(heic);
        }
        var clip = Path.Combine(scratch, "clip.mov");
        await ExternalCommand.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=30:duration={ClipSeconds}",
            "-f", "lavfi", "-i", $"sine=duration={ClipSeconds}", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
            "-tag:v", "hvc1", "-c:a", "aac", "-y", clip], cancellationToken);

        var heicTime = await cpu.MeasureAsync("HEIC uploads", () => UploadAllAsync(heics, cancellationToken));
        Console.WriteLine($"  HEIC: {Count / heicTime.TotalSeconds:F2} photos/s");
        var jpegTime = await cpu.MeasureAsync("JPEG uploads of the same pictures", () => UploadAllAsync(jpegs, cancellationToken));
        Console.WriteLine($"  JPEG: {Count / jpegTime.TotalSeconds:F2} photos/s");

        var gallery = await cpu.MeasureAsync("HEVC clip: upload until the rendition is ready", () => TranscodeInGalleryAsync(clip, cancellationToken));
        Console.WriteLine($"  gallery: {ClipSeconds / gallery.TotalSeconds:F2} s of video per s");
        var bare = await cpu.MeasureAsync("HEVC clip: bare ffmpeg, same arguments",
            () => ExternalCommand.TimeAsync("ffmpeg", VideoTranscoder.Arguments(clip, Path.Combine(scratch, "bare.mp4")), cancellationToken));
        Console.WriteLine($"  bare ffmpeg: {ClipSeconds / bare.TotalSeconds:F2} s of video per s");
        return new PhoneMediaResults(Count, Count / heicTime.TotalSeconds, Count / jpegTime.TotalSeconds, ClipSeconds, gallery, bare);
    }

    private async Task<TimeSpan> UploadAllAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(files, options, async (file, token) => await UploadAsync(file, token));
        return Stopwatch.GetElapsedTime(started);
    }

    // The upload answers once the clip is probed and its poster made; the rendition follows in the background.
    private async Task<TimeSpan> TranscodeInGalleryAsync(string clip, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var id = await UploadAsync(clip, cancellationToken);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request, cancellationToken);
            using var media = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var playback = media.RootElement.GetProperty("playback").GetString();
            if (playback != "pending")
            {
                return playback == "ready" ? Stopwatch.GetElapsedTime(started) : throw new InvalidOperationException($"The rendition {playback}.");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private Task<string> UploadAsync(string file, CancellationToken cancellationToken) =>
        GalleryUploadRequest.SendAsync(http, accessToken, file, "application/octet-stream", cancellationToken);

    public static void Print(TextWriter output, PhoneMediaResults results)
    {
        var table = new TextTable(
            string.Create(CultureInfo.InvariantCulture, $"Phone media ({results.Photos} photos of 12 MP, concurrency {Concurrency}; a {results.VideoSeconds:F0} s HEVC 1080p clip)"),
            "measurement", "rate", "ratio");
        table.AddRow("HEIC upload", string.Create(CultureInfo.InvariantCulture, $"{results.HeicPhotosPerSecond:F2} photos/s"),
            string.Create(CultureInfo.InvariantCulture, $"{results.HeicPhotosPerSecond / results.JpegPhotosPerSecond:F2}x"));
        table.AddRow("reference: JPEG upload, same pictures", string.Create(CultureInfo.InvariantCulture, $"{results.JpegPhotosPerSecond:F2} photos/s"), "1.00x");
        table.AddRow("HEVC clip, upload until rendition ready", string.Create(CultureInfo.InvariantCulture, $"{results.GalleryVideoSecondsPerSecond:F2} video s/s"),
            string.Create(CultureInfo.InvariantCulture, $"{results.GalleryVideoSecondsPerSecond / results.FfmpegVideoSecondsPerSecond:F2}x"));
        table.AddRow("reference: bare ffmpeg, same arguments", string.Create(CultureInfo.InvariantCulture, $"{results.FfmpegVideoSecondsPerSecond:F2} video s/s"), "1.00x");
        table.Print(output);
    }
}
