using System.Diagnostics;
using System.Globalization;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// The soak: <see cref="SoakLoad"/> for some minutes on cluster.sh (three silos, two gateways behind nginx), printing
/// per minute the throughput, p50 and p99 latency, errors and each process's resident memory. The reference is the
/// run's own first minute: a system that neither leaks nor slows down keeps the last minute's throughput and p99 and
/// each process's memory near ×1.00 of it.
/// </summary>
internal sealed class SoakBenchmark(ScriptedDeployment cluster, SoakLoad load)
{
    public const int Workers = 4;
    private static readonly string[] Programs = ["silo1", "silo2", "silo3", "gateway1", "gateway2"];

    /// <summary>Three silos and two gateways; PostgreSQL writes durably as in production, not with the tests' fsync=off.</summary>
    private static readonly Dictionary<string, string> ClusterSettings = new()
    {
        ["GALLERY_SILOS"] = "3",
        ["GALLERY_GATEWAYS"] = "2",
        ["GALLERY_PG_FSYNC"] = "on",
    };

    /// <summary>Starts cluster.sh, runs the soak for <paramref name="duration"/>, stops it; false when a request failed.</summary>
    public static async Task<bool> RunAsync(string repository, TimeSpan duration, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Machine: {MachineLoad.Describe()}");
        Console.WriteLine("Starting deploy/local/cluster.sh (3 silos, 2 gateways, nginx) from the Release builds ...");
        await using var cluster = await ScriptedDeployment.StartAsync("cluster.sh", ScriptedDeployment.NewDataDirectory(), ClusterSettings, cancellationToken);
        using var account = await GalleryAccount.CreateAsync(cluster.Http, cluster.S3Endpoint, cancellationToken);
        const string bucket = "soak";
        await account.S3.PutBucketAsync(bucket, cancellationToken);
        var photo = await File.ReadAllBytesAsync(Path.Combine(TestPhotos.SampleFolder(repository), "astronaut.jpg"), cancellationToken);
        var load = new SoakLoad(cluster.Http, account.AccessToken, account.S3, bucket, photo);
        return await new SoakBenchmark(cluster, load).MeasureAsync(duration, cancellationToken);
    }

    private async Task<bool> MeasureAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var processes = Programs.Select(name => (Name: name, Id: cluster.ProgramProcessId(name))).Append((Name: "postgres*", Id: cluster.PostgresProcessId())).ToArray();
        var table = new TextTable($"soak: {Workers} workers of mixed load (S3 PUT/GET, gallery uploads, listings) on cluster.sh for {duration.TotalMinutes:F0} min",
            ["minute", "req/s", "p50 ms", "p99 ms", "errors", .. processes.Select(p => p.Name + " MB")]);
        var start = processes.Select(p => Resident(p.Id)).ToArray();
        table.AddRow(["start", "", "", "", "", .. start.Select(Megabytes)]);
        Console.WriteLine($"start: {string.Join(", ", processes.Select((p, i) => $"{p.Name} {Megabytes(start[i])} MB"))}");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = load.RunAsync(Workers, stop.Token);
        var minutes = new List<(double PerSecond, double P99, long[] Memory)>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        for (var minute = 1; minute <= (int)duration.TotalMinutes; minute++)
        {
            await Task.Delay(TimeSpan.FromMinutes(minute) - clock.Elapsed, cancellationToken);
            var outcomes = Take();
            var memory = processes.Select(p => Resident(p.Id)).ToArray();
            var failed = outcomes.Count(o => !o.Succeeded);
            errors += failed;
            var latency = LatencySummary.From($"minute {minute}", outcomes.Select(o => o.Ticks).ToArray(), failed, TimeSpan.FromMinutes(1));
            minutes.Add((latency.RequestsPerSecond, latency.P99Ms, memory));
            string[] row = [minute.ToString(CultureInfo.InvariantCulture), $"{latency.RequestsPerSecond:F1}", $"{latency.P50Ms:F1}", $"{latency.P99Ms:F1}",
                failed.ToString(CultureInfo.InvariantCulture), .. memory.Select(Megabytes)];
            table.AddRow(row);
            Console.WriteLine(string.Join("  ", row));
        }
        await stop.CancelAsync();
        await running;

        var (first, last) = (minutes[0], minutes[^1]);
        table.AddRow(["last/1st", $"×{last.PerSecond / first.PerSecond:F2}", "", $"×{last.P99 / first.P99:F2}", "",
            .. last.Memory.Select((bytes, i) => $"×{(double)bytes / first.Memory[i]:F2}")]);
        table.AddNote("Reference: the run's own first minute (warm-up included in 'start' only). Flat is ×1.00; a leak shows as memory growing minute after minute.");
        table.AddNote("postgres* is the resident size summed over the postmaster and its backends (shared buffers count once per process).");
        table.AddNote($"Errors over the whole run: {errors}. Machine at the end: {MachineLoad.Describe()}");
        table.Print(Console.Out);
        return errors == 0;
    }

    private List<(long Ticks, bool Succeeded)> Take()
    {
        var taken = new List<(long, bool)>();
        while (load.Outcomes.TryDequeue(out var outcome))
        {
            taken.Add(outcome);
        }
        return taken;
    }

    /// <summary>The resident size of the process and its descendants (PostgreSQL's backends; a .NET program has none).</summary>
    private static long Resident(int rootId)
    {
        long total = 0;
        foreach (var id in ProcessTree.WithDescendants(rootId))
        {
            try
            {
                total += new ProcessMemory(id).ResidentBytes();
            }
            catch (Exception error) when (error is IOException or InvalidOperationException)
            {
                // Ended meanwhile.
            }
        }
        return total;
    }

    private static string Megabytes(long bytes) => (bytes / 1_048_576.0).ToString("F0", CultureInfo.InvariantCulture);
}
