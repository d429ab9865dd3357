using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// Closed-loop GET load on one route: a fixed number of workers, each sending its next request when the last one
/// answers, until a time or request limit is reached or the caller says stop.
/// </summary>
internal static class ClosedLoopLoad
{
    private const int MaxRequests = 200_000;

    public static async Task<LatencySummary> RunAsync(
        HttpClient http, string path, string? bearer, int concurrency, TimeSpan duration, CancellationToken cancellationToken, CancellationToken stop = default)
    {
        var remaining = MaxRequests;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>();
            while (!stop.IsCancellationRequested && Stopwatch.GetElapsedTime(started) < duration && Interlocked.Decrement(ref remaining) >= 0)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (bearer is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                latencies.Add(Stopwatch.GetTimestamp() - sent);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            return latencies;
        }, cancellationToken)).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(latencies => latencies).ToArray();
        return LatencySummary.From("GET " + path, all, failures, Stopwatch.GetElapsedTime(started));
    }
}
