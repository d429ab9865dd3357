using System.Globalization;

namespace GalleryOrleans.Benchmarks;

/// <summary>The results of a run, printed as compact tables at the end.</summary>
internal sealed partial class ResultsReport
{
    private readonly List<(string Benchmark, string Error)> failures = [];

    public SessionCheckResults? SessionCheck { get; set; }
    public LargeObjectResults? LargeObjects { get; set; }
    public SmallObjectResults? SmallObjects { get; set; }
    public PeerResults? Peers { get; set; }
    public GalleryUploadResults? GalleryUploads { get; set; }
    public HashingResults? Hashing { get; set; }
    public PhoneMediaResults? PhoneMedia { get; set; }
    public GroupingResults? Grouping { get; set; }
    public IReadOnlyList<CpuUse> Cpu { get; set; } = [];
    public string MachineAtStart { get; set; } = "";
    public bool HasFailures => failures.Count > 0;

    public void Failed(string benchmark, Exception error) => failures.Add((benchmark, error.Message));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("==================== Results ====================");
        output.WriteLine($"Machine at start: {MachineAtStart}");
        output.WriteLine($"Machine at end:   {MachineLoad.Describe()}");
        if (LargeObjects is { } large)
        {
            PrintLargeObjects(output, large);
            PrintGatewayMemory(output, large);
        }
        if (SmallObjects is { } small)
        {
            PrintSmallObjects(output, small);
        }
        Peers?.Print(output);
        if (SessionCheck is { } session)
        {
            PrintSessionCheck(output, session);
        }
        if (Listing is { } listing)
        {
            PrintListing(output, listing);
        }
        PrintMedia(output);
        if (Cpu.Count > 0)
        {
            PrintCpu(output, Cpu, LargeObjects);
        }
        foreach (var (benchmark, error) in failures)
        {
            output.WriteLine();
            output.WriteLine($"FAILED {benchmark}: {error}");
        }
    }

    private static void PrintSmallObjects(TextWriter output, SmallObjectResults results)
    {
        var table = new TextTable(
            $"Small objects ({results.Count} x {results.Size / 1024} KiB, concurrency {results.Concurrency} for gallery and reference)",
            "operation", "gallery", "reference", "ratio");
        table.AddRow("upload (PutObject)", Rate(results, results.Upload), "FileStream + Flush(true): " + Rate(results, results.ReferenceWrite),
            Ratio(results.ReferenceWrite.TotalSeconds, results.Upload.TotalSeconds));
        table.AddRow("download (GetObject)", Rate(results, results.Download), "File.ReadAllBytes: " + Rate(results, results.ReferenceRead),
            Ratio(results.ReferenceRead.TotalSeconds, results.Download.TotalSeconds));
        table.AddNote(ReadsNote(results.ColdReads));
        table.Print(output);
    }

    private void PrintSessionCheck(TextWriter output, SessionCheckResults results)
    {
        var table = new TextTable($"Session check ({results.Concurrency} concurrent requests, closed loop, loopback)",
            "route", "requests", "req/s", "mean", "p50", "p99", "non-200", "gateway+silo CPU per request");
        foreach (var run in new[] { results.Bare, results.Authenticated })
        {
            var serverCpu = Cpu.FirstOrDefault(use => use.Measurement == run.Target) is { } use
                ? Ms((use.Gateway + use.Silo).TotalMilliseconds / run.Requests)
                : "n/a";
            table.AddRow(run.Target, run.Requests.ToString(CultureInfo.InvariantCulture), Format($"{run.RequestsPerSecond:F0}"),
                Ms(run.MeanMs), Ms(run.P50Ms), Ms(run.P99Ms), run.Failures.ToString(CultureInfo.InvariantCulture), serverCpu);
        }
        var bare = results.Bare;
        var authenticated = results.Authenticated;
        table.AddNote(Format($"per-request overhead of /api/users/me (difference of means): {authenticated.MeanMs - bare.MeanMs:F3} ms;"));
        table.AddNote($"mean latency ratio {Ratio(authenticated.MeanMs, bare.MeanMs)}, " +
            $"throughput ratio {Ratio(authenticated.RequestsPerSecond, bare.RequestsPerSecond)}");
        table.AddNote("/api/users/me = JWT validation + IsSessionActive grain call + the profile read (a second grain call) + JSON.");
        table.Print(output);
    }

    private static void PrintCpu(TextWriter output, IReadOnlyList<CpuUse> measurements, LargeObjectResults? large)
    {
        var cores = Environment.ProcessorCount;
        var table = new TextTable($"CPU seconds used during each measurement ({cores} cores: busy = total / ({cores} x wall))",
            "measurement", "wall", "gateway", "silo", "postgres", "client", "busy");
        foreach (var use in measurements)
        {
            table.AddRow(use.Measurement, Seconds(use.Wall), Seconds(use.Gateway), Seconds(use.Silo), Seconds(use.Postgres), Seconds(use.Client),
                Format($"{use.Total / (cores * use.Wall):P0}"));
        }
        table.AddNote("client = this benchmark program (AWS SDK or HttpClient); the rest of the machine's load is not included.");
        if (large is not null)
        {
            table.AddNote($"Large object: a row per upload and download of each of the {large.Rounds} rounds, in the order they ran; the rounds do the same");
            table.AddNote("work, so their rows show how steady the CPU cost is while the speeds swing with the machine's load.");
        }
        table.Print(output);
    }

    private static string Seconds(TimeSpan time) => Format($"{time.TotalSeconds:F2} s");

    private static string ReadsNote(bool cold) => cold
        ? "Reads are cold for both: sync and drop_caches before each read measurement."
        : "Reads are page-cache-warm for both: dropping the page cache was not allowed.";

    private static string Rate(SmallObjectResults results, TimeSpan elapsed) =>
        Format($"{results.Count / elapsed.TotalSeconds:F0} obj/s, {results.Count * (double)results.Size / 1e6 / elapsed.TotalSeconds:F1} MB/s");

    private static string Ratio(double measured, double reference) => Format($"{measured / reference:F2}x");

    private static string Mib(long bytes) => Format($"{bytes / 1048576.0:F0} MiB");

    private static string Ms(double milliseconds) => Format($"{milliseconds:F3} ms");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
