using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.Video;

namespace GalleryOrleans.Benchmarks;

internal sealed record PhoneMediaResults(
    int Photos, double HeicPhotosPerSecond, double JpegPhotosPerSecond, double BareHeifConvertPerSecond,
    double VideoSeconds, TimeSpan GalleryTranscode, TimeSpan BareFfmpeg,
    int Videos, TimeSpan Batch, LatencySummary SessionIdle, LatencySummary SessionWhileTranscoding)
{
    public double GalleryVideoSecondsPerSecond => VideoSeconds / GalleryTranscode.TotalSeconds;
    public double FfmpegVideoSecondsPerSecond => VideoSeconds / BareFfmpeg.TotalSeconds;
}

/// <summary>
/// iPhone-like media end to end: 12 MP HEIC photos uploaded against JPEGs of the same pictures and against bare
/// heif-convert with the gallery's arguments; an HEVC 1080p clip from upload until its rendition is ready against
/// bare ffmpeg with the same arguments on the same file; and the p99 of GET /api/users/me while several clips are
/// probed and transcoded, against the same load on the idle system. All references are measured in the same run.
/// </summary>
internal sealed class PhoneMediaBenchmark(HttpClient http, string accessToken, TestPhotos photos, string scratch, CpuMeter cpu)
{
    private const int Count = 6;
    private const int Concurrency = 2;
    private const int ClipSeconds = 4;
    private const int Videos = 3;
    private const int SessionConcurrency = 4;
    private static readonly TimeSpan SessionBaseline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BatchLimit = TimeSpan.FromMinutes(10);

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
                await ExternalCommand.RunAsync("heif-enc", ["-q", "80", "-p", "preset=ultrafast", "-o", heic, jpeg], cancellationToken);
            }
            heics.Add(heic);
        }
        var clip = Path.Combine(scratch, "clip.mov");
        await ExternalCommand.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=30:duration={ClipSeconds}",
            "-f", "lavfi", "-i", $"sine=duration={ClipSeconds}", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
            "-tag:v", "hvc1", "-c:a", "aac", "-y", clip], cancellationToken);

        var heicTime = await cpu.MeasureAsync("HEIC uploads", () => InParallelAsync(heics, UploadAsync, cancellationToken));
        Console.WriteLine($"  HEIC: {Count / heicTime.TotalSeconds:F2} photos/s");
        var jpegTime = await cpu.MeasureAsync("JPEG uploads of the same pictures", () => InParallelAsync(jpegs, UploadAsync, cancellationToken));
        Console.WriteLine($"  JPEG: {Count / jpegTime.TotalSeconds:F2} photos/s");
        var bareHeif = await cpu.MeasureAsync("bare heif-convert, same arguments", () => InParallelAsync(heics, (heic, token) =>
            ExternalCommand.RunAsync("heif-convert", HeifDecoder.ConvertArguments(heic, Path.ChangeExtension(heic, ".bare.jpg")), token), cancellationToken));
        Console.WriteLine($"  bare heif-convert: {Count / bareHeif.TotalSeconds:F2} photos/s");

        var gallery = await cpu.MeasureAsync("HEVC clip: upload until the rendition is ready", async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await RenditionReadyAsync(await UploadAsync(clip, cancellationToken), cancellationToken);
            return Stopwatch.GetElapsedTime(started);
        });
        Console.WriteLine($"  gallery: {ClipSeconds / gallery.TotalSeconds:F2} s of video per s");
        var bare = await cpu.MeasureAsync("HEVC clip: bare ffmpeg, same arguments",
            () => ExternalCommand.TimeAsync("ffmpeg", VideoTranscoder.Arguments(clip, Path.Combine(scratch, "bare.mp4")), cancellationToken));
        Console.WriteLine($"  bare ffmpeg: {ClipSeconds / bare.TotalSeconds:F2} s of video per s");

        var idle = await cpu.MeasureAsync("GET /api/users/me, idle",
            () => ClosedLoopLoad.RunAsync(http, "/api/users/me", accessToken, SessionConcurrency, SessionBaseline, cancellationToken));
        Console.WriteLine($"  GET /api/users/me idle: p99 {idle.P99Ms:F1} ms");
        var (batch, busy) = await cpu.MeasureAsync($"GET /api/users/me while {Videos} clips upload and transcode", () => SessionWhileTranscodingAsync(clip, cancellationToken));
        Console.WriteLine($"  GET /api/users/me during {Videos} transcodes ({batch.TotalSeconds:F0} s): p99 {busy.P99Ms:F1} ms");
        return new PhoneMediaResults(Count, Count / heicTime.TotalSeconds, Count / jpegTime.TotalSeconds, Count / bareHeif.TotalSeconds,
            ClipSeconds, gallery, bare, Videos, batch, idle, busy);
    }

    // The load runs from the first upload until the last rendition is ready.
    private async Task<(TimeSpan Batch, LatencySummary Session)> SessionWhileTranscodingAsync(string clip, CancellationToken cancellationToken)
    {
        using var done = new CancellationTokenSource();
        var load = ClosedLoopLoad.RunAsync(http, "/api/users/me", accessToken, SessionConcurrency, BatchLimit, cancellationToken, done.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, Videos).Select(_ => UploadAsync(clip, cancellationToken)));
            foreach (var id in ids)
            {
                await RenditionReadyAsync(id, cancellationToken);
            }
        }
        finally
        {
            await done.CancelAsync();
        }
        return (Stopwatch.GetElapsedTime(started), await load);
    }

    private static async Task<TimeSpan> InParallelAsync<T>(IReadOnlyList<string> files, Func<string, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(files, options, async (file, token) => await work(file, token));
        return Stopwatch.GetElapsedTime(started);
    }

    // The upload answers once the clip is probed and its poster made; the rendition follows in the background.
    private async Task RenditionReadyAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request, cancellationToken);
            using var media = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var playback = media.RootElement.GetProperty("playback").GetString();
            if (playback == "ready")
            {
                return;
            }
            if (playback != "pending")
            {
                throw new InvalidOperationException($"The rendition of {id} {playback}.");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private Task<string> UploadAsync(string file, CancellationToken cancellationToken) =>
        GalleryUploadRequest.SendAsync(http, accessToken, file, "application/octet-stream", cancellationToken);

    public static void Print(TextWriter output, PhoneMediaResults results)
    {
        static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        var table = new TextTable(
            F($"Phone media ({results.Photos} photos of 12 MP, concurrency {Concurrency}; a {results.VideoSeconds:F0} s HEVC 1080p clip)"),
            "measurement", "rate", "ratio");
        table.AddRow("HEIC upload", F($"{results.HeicPhotosPerSecond:F2} photos/s"), F($"{results.HeicPhotosPerSecond / results.JpegPhotosPerSecond:F2}x JPEG, {results.HeicPhotosPerSecond / results.BareHeifConvertPerSecond:F2}x heif-convert"));
        table.AddRow("reference: JPEG upload, same pictures", F($"{results.JpegPhotosPerSecond:F2} photos/s"), "1.00x");
        table.AddRow("reference: bare heif-convert, same arguments", F($"{results.BareHeifConvertPerSecond:F2} photos/s"), "1.00x");
        table.AddRow("HEVC clip, upload until rendition ready", F($"{results.GalleryVideoSecondsPerSecond:F2} video s/s"),
            F($"{results.GalleryVideoSecondsPerSecond / results.FfmpegVideoSecondsPerSecond:F2}x"));
        table.AddRow("reference: bare ffmpeg, same arguments", F($"{results.FfmpegVideoSecondsPerSecond:F2} video s/s"), "1.00x");
        table.AddRow(F($"GET /api/users/me p99 while {results.Videos} clips transcode ({results.Batch.TotalSeconds:F0} s)"),
            F($"{results.SessionWhileTranscoding.P99Ms:F1} ms (p50 {results.SessionWhileTranscoding.P50Ms:F1})"),
            F($"{results.SessionWhileTranscoding.P99Ms / results.SessionIdle.P99Ms:F2}x"));
        table.AddRow(F($"reference: GET /api/users/me p99, idle, {SessionConcurrency} connections"),
            F($"{results.SessionIdle.P99Ms:F1} ms (p50 {results.SessionIdle.P50Ms:F1})"), "1.00x");
        table.Print(output);
    }
}
