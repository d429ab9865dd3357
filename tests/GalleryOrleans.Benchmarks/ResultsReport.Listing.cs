using System.Globalization;

namespace GalleryOrleans.Benchmarks;

internal sealed partial class ResultsReport
{
    private const double ListingGoalRatio = 0.6;
    private const double ListingGoalP99Ms = 25;

    public ListingResults? Listing { get; set; }

    private void PrintListing(TextWriter output, ListingResults results)
    {
        var table = new TextTable(
            $"Library listings ({results.Albums} albums, {results.Media} photos; {results.Concurrency} connections, closed loop, loopback)",
            "route", "requests", "req/s", "vs /api/users/me", "p50", "p99", "non-200", "gateway+silo CPU per request", "goal");
        foreach (var run in new[] { results.Profile, results.AlbumList, results.FirstMediaPage })
        {
            var serverCpu = Cpu.FirstOrDefault(use => use.Measurement == run.Target) is { } use
                ? Ms((use.Gateway + use.Silo).TotalMilliseconds / run.Requests)
                : "n/a";
            var ratio = run.RequestsPerSecond / results.Profile.RequestsPerSecond;
            var goal = run == results.Profile ? "reference"
                : ratio >= ListingGoalRatio && run.P99Ms < ListingGoalP99Ms ? "met" : "MISSED";
            table.AddRow(run.Target, run.Requests.ToString(CultureInfo.InvariantCulture), Format($"{run.RequestsPerSecond:F0}"),
                Format($"{ratio:F2}x"), Ms(run.P50Ms), Ms(run.P99Ms), run.Failures.ToString(CultureInfo.InvariantCulture), serverCpu, goal);
        }
        table.AddNote(Format($"goal: >= {ListingGoalRatio:F1}x the req/s of GET /api/users/me and p99 < {ListingGoalP99Ms:F0} ms; both listings answer from the library grain's memory."));
        table.Print(output);
    }
}
