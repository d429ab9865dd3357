using GalleryOrleans.Benchmarks;

var idleTime = TimeSpan.FromSeconds(3);

// The reference loops block a thread per fsync; without this the pool adds threads too slowly to reach 16 at once.
ThreadPool.GetMinThreads(out var workerThreads, out var completionThreads);
ThreadPool.SetMinThreads(Math.Max(workerThreads, 32), completionThreads);

using var shutdown = new ShutdownSignal();
var cancellationToken = shutdown.Token;
var report = new ResultsReport { MachineAtStart = MachineLoad.Describe() };
try
{
    Console.WriteLine($"Machine: {report.MachineAtStart}");
    Console.WriteLine("Starting PostgreSQL, one silo and the gateway from the Release builds ...");
    await using var gallery = await GalleryEnvironment.StartAsync(RepositoryRoot.Find(), cancellationToken);
    Console.WriteLine($"Ready: HTTP {gallery.Http.BaseAddress}, S3 {gallery.S3Endpoint}, data in {gallery.DataDirectory}");
    using var account = await GalleryAccount.CreateAsync(gallery.Http, gallery.S3Endpoint, cancellationToken);
    const string bucket = "benchmarks";
    await account.S3.PutBucketAsync(bucket, cancellationToken);
    var cpu = new CpuMeter(gallery.GatewayProcessId, gallery.SiloProcessId, gallery.PostgresProcessId);
    report.Cpu = cpu.Measurements;
    await cpu.MeasureIdleAsync("idle, after start", idleTime, cancellationToken);

    await RunAsync("session check", async () =>
        report.SessionCheck = await new SessionCheckBenchmark(gallery.Http, account.AccessToken, cpu).RunAsync(cancellationToken));
    await RunAsync("large object", async () => report.LargeObjects = await new LargeObjectBenchmark(
        account.S3, bucket, gallery.ScratchDirectory, new ProcessMemory(gallery.GatewayProcessId), cpu).RunAsync(cancellationToken));
    await RunAsync("small objects", async () =>
        report.SmallObjects = await new SmallObjectsBenchmark(account.S3, bucket, gallery.ScratchDirectory, cpu).RunAsync(cancellationToken));
    await cpu.MeasureIdleAsync("idle, after the benchmarks", idleTime, cancellationToken);

    report.Print(Console.Out);
    Console.WriteLine();
    Console.WriteLine("Stopping and deleting the environment ...");
    return report.HasFailures ? 1 : 0;

    // A failing benchmark is reported with the system's logs; the others still run.
    async Task RunAsync(string name, Func<Task> benchmark)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name} ==");
        try
        {
            await benchmark();
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{name} failed: {error}");
            Console.Error.WriteLine(gallery.LogTails());
            report.Failed(name, error);
        }
    }
}
catch (Exception) when (cancellationToken.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted; the environment was torn down.");
    return 130;
}
catch (Exception error)
{
    Console.Error.WriteLine($"Benchmark run failed: {error}");
    return 1;
}
