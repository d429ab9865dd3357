using System.Diagnostics;
using System.Text;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// deploy/local/cluster.sh as an operator runs it (three silos, two gateways behind nginx) on a temporary data folder
/// and free ports, from the Release builds. Disposing it stops the script with SIGTERM, as Ctrl-C would, and deletes
/// the folder.
/// </summary>
internal sealed class LocalClusterScript : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);
    private readonly Process script;
    private readonly StringBuilder output = new();

    private LocalClusterScript(Process script, string dataDirectory, int httpPort, int s3Port)
    {
        this.script = script;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromMinutes(2) };
        S3Endpoint = new Uri($"http://127.0.0.1:{s3Port}");
        script.OutputDataReceived += (_, line) => Append(line.Data);
        script.ErrorDataReceived += (_, line) => Append(line.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
    }

    public string DataDirectory { get; }
    public HttpClient Http { get; }
    public Uri S3Endpoint { get; }

    public static async Task<LocalClusterScript> StartAsync(string repository, int silos, int gateways, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("galleryorleans-soak-").FullName;
        var ports = FreePorts.Take(2);
        var start = new ProcessStartInfo("bash", [Path.Combine(repository, "deploy", "local", "cluster.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["GALLERY_DATA"] = dataDirectory,
                ["GALLERY_HTTP_PORT"] = ports[0].ToString(),
                ["GALLERY_S3_PORT"] = ports[1].ToString(),
                ["GALLERY_SILOS"] = silos.ToString(),
                ["GALLERY_GATEWAYS"] = gateways.ToString(),
                ["GALLERY_SKIP_BUILD"] = "1",
                ["GALLERY_CONFIGURATION"] = "Release",
            },
        };
        var cluster = new LocalClusterScript(Process.Start(start)!, dataDirectory, ports[0], ports[1]);
        try
        {
            var waited = Stopwatch.StartNew();
            while (!cluster.Output.Contains("Gallery ready at", StringComparison.Ordinal))
            {
                if (cluster.script.HasExited || waited.Elapsed > ReadyTimeout)
                {
                    throw new InvalidOperationException($"cluster.sh did not get ready (exited: {cluster.script.HasExited}):\n{cluster.Output}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The pid a supervised program (silo1, gateway2, ...) runs under now.</summary>
    public int ProgramProcessId(string name) =>
        int.Parse(File.ReadAllText(Path.Combine(DataDirectory, "run", name + ".pid")).Trim());

    public int PostgresProcessId() =>
        int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postgres", "data", "postmaster.pid")).First());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!script.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", script.Id.ToString()]);
            await kill.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await script.WaitForExitAsync(patience.Token);
        }
        script.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
