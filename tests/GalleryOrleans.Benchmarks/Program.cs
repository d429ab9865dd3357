using GalleryOrleans.Benchmarks;

var idleTime = TimeSpan.FromSeconds(3);
string[] sections = ["all", "s3", "peers", "session", "listing", "gallery", "similarity", "phone"];
var section = args.FirstOrDefault() ?? "all";
// Offline sections: no deployment is started for these.
if (section == "calibration" && args.Length == 2)
{
    return SimilarityCalibration.Run(args[1]);
}
if (section == "cosine" && args.Length == 1)
{
    Console.WriteLine("== cosine neighbours ==");
    CosineBenchmark.Run();
    return 0;
}
if (section == "soak" && args.Length <= 2)
{
    var minutes = args.Length == 2 && int.TryParse(args[1], out var given) && given > 0 ? given : 10;
    using var interrupt = new ShutdownSignal();
    return await SoakBenchmark.RunAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(minutes), interrupt.Token) ? 0 : 1;
}
if (args.Length > 1 || !sections.Contains(section))
{
    Console.Error.WriteLine($"Usage: GalleryOrleans.Benchmarks [{string.Join('|', sections)}]   (default all)");
    Console.Error.WriteLine("       GalleryOrleans.Benchmarks calibration SET_DIRECTORY | cosine | soak [MINUTES]");
    return 2;
}

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
    var repository = RepositoryRoot.Path;
    await using var gallery = await GalleryEnvironment.StartAsync(repository, cancellationToken);
    Console.WriteLine($"Ready: HTTP {gallery.Http.BaseAddress}, S3 {gallery.S3Endpoint}, data in {gallery.DataDirectory}");
    using var account = await GalleryAccount.CreateAsync(gallery.Http, gallery.S3Endpoint, cancellationToken);
    const string bucket = "benchmarks";
    await account.S3.PutBucketAsync(bucket, cancellationToken);
    var cpu = new CpuMeter(gallery.GatewayProcessId, gallery.SiloProcessId, gallery.PostgresProcessId);
    report.Cpu = cpu.Measurements;
    await cpu.MeasureIdleAsync("idle, after start", idleTime, cancellationToken);

    var photos = new TestPhotos(TestPhotos.SampleFolder(repository), Path.Combine(gallery.ScratchDirectory, "photos"));

    await RunAsync("session", "session check", async () =>
        report.SessionCheck = await new SessionCheckBenchmark(gallery.Http, account.AccessToken, cpu).RunAsync(cancellationToken));
    await RunAsync("listing", "library listings", async () => report.Listing = await new ListingBenchmark(
        gallery.Http, account.AccessToken, TestPhotos.SampleFolder(repository), cpu).RunAsync(cancellationToken));
    await RunAsync("s3", "large object", async () => report.LargeObjects = await new LargeObjectBenchmark(
        account.S3, bucket, gallery.ScratchDirectory, new ProcessMemory(gallery.GatewayProcessId), cpu).RunAsync(cancellationToken));
    await RunAsync("s3", "small objects", async () =>
        report.SmallObjects = await new SmallObjectsBenchmark(account.S3, bucket, gallery.ScratchDirectory, cpu).RunAsync(cancellationToken));
    await RunAsync("peers", "S3 against s3rver and bare Kestrel", async () => report.Peers = await new PeerBenchmark(
        account.S3, bucket, gallery.ScratchDirectory, gallery.LogDirectory).RunAsync(cancellationToken));
    await RunAsync("gallery", "gallery upload", async () => report.GalleryUploads = await new GalleryUploadBenchmark(
        gallery.Http, account.AccessToken, account.S3, photos, cpu).RunAsync(cancellationToken));
    await RunAsync("phone", "phone media", async () => report.PhoneMedia = await new PhoneMediaBenchmark(
        gallery.Http, account.AccessToken, photos, gallery.ScratchDirectory, cpu).RunAsync(cancellationToken));
    await RunAsync("similarity", "hashing", async () => report.Hashing = await new HashingBenchmark(photos, cpu).RunAsync());
    await RunAsync("similarity", "grouping", async () => report.Grouping = await new GroupingBenchmark(cpu).RunAsync());
    await RunAsync("similarity", "cosine neighbours", () => Task.Run(CosineBenchmark.Run));
    await cpu.MeasureIdleAsync("idle, after the benchmarks", idleTime, cancellationToken);

    report.Print(Console.Out);
    Console.WriteLine();
    Console.WriteLine("Stopping and deleting the environment ...");
    return report.HasFailures ? 1 : 0;

    // A failing benchmark is reported with the system's logs; the others still run.
    async Task RunAsync(string benchmarkSection, string name, Func<Task> benchmark)
    {
        if (section != "all" && section != benchmarkSection)
        {
            return;
        }
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
