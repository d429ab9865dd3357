using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// A private deployment for one run, configured as deploy/local/run.sh configures one: a temporary data
/// folder, PostgreSQL from pg-instance.sh, one silo and the gateway from the Release builds, on free
/// loopback ports. Disposing it stops everything and deletes the folder.
/// </summary>
internal sealed class GalleryEnvironment : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly string repository;
    private AppProcess? silo;
    private AppProcess? gateway;

    private GalleryEnvironment(string repository, string dataDirectory)
    {
        this.repository = repository;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }
    public string StorageRoot => Path.Combine(DataDirectory, "objects");

    /// <summary>The benchmarks' own files (source data, reference copies), on the storage root's filesystem.</summary>
    public string ScratchDirectory => Path.Combine(DataDirectory, "scratch");

    public HttpClient Http { get; } = new();
    public Uri S3Endpoint { get; private set; } = null!;
    public int GatewayProcessId => gateway!.Id;
    public int SiloProcessId => silo!.Id;
    public int PostgresProcessId => PostgresInstanceScript.ServerProcessId(DataDirectory);
    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    public static async Task<GalleryEnvironment> StartAsync(string repository, CancellationToken cancellationToken)
    {
        var environment = new GalleryEnvironment(repository, Directory.CreateTempSubdirectory("galleryorleans-bench-").FullName);
        try
        {
            await environment.StartAsync(cancellationToken);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>The end of the silo's and the gateway's logs.</summary>
    public string LogTails() =>
        string.Join('\n', new[] { silo, gateway }.OfType<AppProcess>().Select(process => process.LogTail(30)));

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        Attempt("stop the gateway", () => gateway?.Dispose());
        Attempt("stop the silo", () => silo?.Dispose());
        Attempt("stop PostgreSQL", () => PostgresInstanceScript.Run("stop", DataDirectory));
        Attempt($"delete {DataDirectory}", () => Directory.Delete(DataDirectory, recursive: true));
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { StorageRoot, ScratchDirectory, LogDirectory, Path.Combine(DataDirectory, "mail") })
        {
            Directory.CreateDirectory(folder);
        }
        var database = PostgresInstanceScript.Run("start", DataDirectory);
        var tls = Path.Combine(DataDirectory, "tls");
        await ClusterCertificates.CreateAsync(tls, cancellationToken);
        int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Orleans"] = database,
            ["ConnectionStrings__Catalog"] = database,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Storage__Root"] = StorageRoot,
            ["Email__PickupDirectory"] = Path.Combine(DataDirectory, "mail"),
            ["Gateway__HttpPort"] = ports[0].ToString(),
            ["Gateway__S3Port"] = ports[1].ToString(),
            ["Gateway__LoopbackOnly"] = "true",
            ["Orleans__SiloPort"] = ports[2].ToString(),
            ["Orleans__GatewayPort"] = ports[3].ToString(),
        };
        foreach (var (key, value) in ClusterCertificates.Settings(tls))
        {
            settings[key.Replace(":", "__")] = value!;
        }
        Http.BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}");
        S3Endpoint = new Uri($"http://127.0.0.1:{ports[1]}");
        silo = AppProcess.Start("silo", Path.Combine(repository, "silo"), "GalleryOrleans.Silo", settings, LogDirectory);
        gateway = AppProcess.Start("gateway", Path.Combine(repository, "gateway"), "GalleryOrleans.Gateway", settings, LogDirectory);
        await WaitUntilReadyAsync(cancellationToken);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < ReadyTimeout)
        {
            if (new[] { silo!, gateway! }.FirstOrDefault(process => process.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"The {exited.Name} exited during start with code {exited.ExitCode}.\n{LogTails()}");
            }
            try
            {
                using var response = await Http.GetAsync("/readyz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        throw new TimeoutException($"GET /readyz did not answer 200 within {ReadyTimeout.TotalSeconds} s.\n{LogTails()}");
    }

    private static void Attempt(string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"Could not {what}: {error.Message}");
        }
    }
}
