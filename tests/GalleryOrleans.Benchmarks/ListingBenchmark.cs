using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GalleryOrleans.Benchmarks;

internal sealed record ListingResults(int Concurrency, int Albums, int Media, LatencySummary Profile, LatencySummary AlbumList, LatencySummary FirstMediaPage);

/// <summary>
/// The common reads of a library (the album list and the first media page, both from the user's library grain)
/// against GET /api/users/me (a session check and a profile read from the user grain) in the same run, closed loop
/// at 64 connections, on a library of the sample photos spread over albums.
/// </summary>
internal sealed class ListingBenchmark(HttpClient http, string accessToken, string samples, CpuMeter cpu)
{
    public const string AlbumsPath = "/api/albums";
    public const string FirstMediaPagePath = "/api/media?limit=50";
    private const int Concurrency = 64;
    private const int AlbumCount = 12;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    public async Task<ListingResults> RunAsync(CancellationToken cancellationToken)
    {
        var media = await FillLibraryAsync(cancellationToken);
        string[] paths = ["/api/users/me", AlbumsPath, FirstMediaPagePath];
        foreach (var path in paths)
        {
            await ClosedLoopLoad.RunAsync(http, path, accessToken, Concurrency, WarmUp, cancellationToken);
        }
        var results = new List<LatencySummary>();
        foreach (var path in paths)
        {
            var run = await cpu.MeasureAsync("GET " + path, () => ClosedLoopLoad.RunAsync(http, path, accessToken, Concurrency, Duration, cancellationToken));
            Console.WriteLine($"  GET {path}: {run.RequestsPerSecond:F0} req/s, p99 {run.P99Ms:F1} ms, non-200 {run.Failures}");
            results.Add(run);
        }
        return new ListingResults(Concurrency, AlbumCount, media, results[0], results[1], results[2]);
    }

    /// <summary>Uploads every sample photo, each into one of the albums; answers how many media the library holds.</summary>
    private async Task<int> FillLibraryAsync(CancellationToken cancellationToken)
    {
        var albums = new List<string>();
        for (var i = 0; i < AlbumCount; i++)
        {
            using var created = await SendAsync(HttpMethod.Post, "/api/albums", JsonContent.Create(new { name = $"Album {i}" }), cancellationToken);
            albums.Add((await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!);
        }
        var photos = Directory.GetFiles(samples, "*.jpg").Order().ToArray();
        for (var i = 0; i < photos.Length; i++)
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(photos[i], cancellationToken)), "file", Path.GetFileName(photos[i]) },
                { new StringContent(albums[i % albums.Count]), "albumId" },
            };
            using var _ = await SendAsync(HttpMethod.Post, "/api/media/upload", form, cancellationToken);
        }
        return photos.Length;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return response;
    }
}
