namespace GalleryOrleans.Benchmarks;

internal sealed record SessionCheckResults(int Concurrency, LatencySummary Bare, LatencySummary Authenticated);

/// <summary>
/// Closed-loop load on an authenticated route (JWT validation, the user grain's session check, then the
/// profile read) against the bare liveness route, each for a bounded time and request count.
/// </summary>
internal sealed class SessionCheckBenchmark(HttpClient http, string accessToken, CpuMeter cpu)
{
    private const int Concurrency = 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public async Task<SessionCheckResults> RunAsync(CancellationToken cancellationToken)
    {
        await LoadAsync("/healthz", null, WarmUp, cancellationToken);
        await LoadAsync("/api/users/me", accessToken, WarmUp, cancellationToken);
        var bare = await cpu.MeasureAsync("GET /healthz", () => LoadAsync("/healthz", null, Duration, cancellationToken));
        Console.WriteLine($"  GET /healthz: {bare.RequestsPerSecond:F0} req/s");
        var authenticated = await cpu.MeasureAsync("GET /api/users/me",
            () => LoadAsync("/api/users/me", accessToken, Duration, cancellationToken));
        Console.WriteLine($"  GET /api/users/me: {authenticated.RequestsPerSecond:F0} req/s");
        return new SessionCheckResults(Concurrency, bare, authenticated);
    }

    private Task<LatencySummary> LoadAsync(string path, string? bearer, TimeSpan duration, CancellationToken cancellationToken) =>
        ClosedLoopLoad.RunAsync(http, path, bearer, Concurrency, duration, cancellationToken);
}
