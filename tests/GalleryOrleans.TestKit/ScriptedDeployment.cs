using System.Diagnostics;
using System.Text;

namespace GalleryOrleans.TestKit;

/// <summary>
/// The system as an operator starts it: a script of deploy/local (run.sh, cluster.sh) in a process of its own, with
/// its own data folder, PostgreSQL and loopback ports, running the programs this test run has built.
/// </summary>
public sealed class ScriptedDeployment : IAsyncDisposable
{
    /// <summary>Tests that start whole deployments run one at a time: each is several processes on a small machine.</summary>
    public const string Collection = "Scripted deployments";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(3);

    private readonly Process script;
    private readonly StringBuilder output = new();

    private ScriptedDeployment(Process script, string dataDirectory, int httpPort, int s3Port)
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
    public int ScriptProcessId => script.Id;

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

    /// <summary>A fresh data folder for <see cref="StartAsync"/>, removed again by <see cref="DisposeAsync"/>.</summary>
    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "galleryorleans-script-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Runs deploy/local/<paramref name="scriptName"/> on <paramref name="dataDirectory"/> and waits for its ready line.</summary>
    public static async Task<ScriptedDeployment> StartAsync(
        string scriptName, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var httpPort = FreePort.Next();
        var s3Port = FreePort.Next();
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "local", scriptName)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in ScriptSettings(dataDirectory, httpPort, s3Port).Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }
        var deployment = new ScriptedDeployment(Process.Start(start)!, dataDirectory, httpPort, s3Port);
        try
        {
            await deployment.WaitForOutputAsync("Gallery ready at", ReadyTimeout, cancellationToken);
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a one-shot script of deploy/local (backup.sh, restore.sh) on a data folder; throws if it fails.</summary>
    public static async Task<string> RunScriptAsync(string scriptName, string dataDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "local", scriptName), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in ScriptSettings(dataDirectory, FreePort.Next(), FreePort.Next()))
        {
            start.Environment[key] = value;
        }
        using var script = Process.Start(start)!;
        var error = script.StandardError.ReadToEndAsync();
        var output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();
        return script.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{scriptName} failed with {script.ExitCode}:\n{output}\n{await error}");
    }

    /// <summary>The pid a supervised program (silo1, gateway, nginx, ...) runs under now, from the script's pid file.</summary>
    public int ProgramProcessId(string name) =>
        int.Parse(File.ReadAllText(Path.Combine(DataDirectory, "run", name + ".pid")).Trim());

    /// <summary>The connection string of the deployment's own PostgreSQL.</summary>
    public string DatabaseConnectionString() => PostgresInstanceScript.Run("connection", DataDirectory);

    public int PostgresProcessId() => PostgresInstanceScript.ServerProcessId(DataDirectory);

    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (script.HasExited || waited.Elapsed > timeout)
            {
                throw new InvalidOperationException($"No '{text}' from the script (exited: {script.HasExited}).\n{Output}\n{LogTails()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>Sends SIGTERM to the script, as a service manager would, and waits for it to end; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!script.HasExited)
        {
            Signal("TERM", script.Id);
        }
        var waited = Stopwatch.StartNew();
        while (!script.HasExited)
        {
            if (waited.Elapsed > StopTimeout)
            {
                throw new TimeoutException($"The script did not stop within {StopTimeout}.\n{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        return script.ExitCode;
    }

    /// <summary>Sends a signal with kill(1), as an operator would.</summary>
    public static void Signal(string signal, int processId)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", processId.ToString()]))!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {processId} failed with {kill.ExitCode}.");
        }
    }

    public string LogTails()
    {
        var logs = Path.Combine(DataDirectory, "logs");
        return Directory.Exists(logs)
            ? string.Join('\n', Directory.GetFiles(logs, "*.log").Select(file => $"--- {Path.GetFileName(file)} ---\n" + string.Join('\n', File.ReadLines(file).TakeLast(20))))
            : "";
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await StopAsync();
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
            script.Dispose();
            KeepLogs();
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
    }

    /// <summary>
    /// Copies the programs' logs to a folder of their own under GALLERY_TEST_LOGS, when it is set, before the data
    /// folder goes: a failure seen in CI can then be read afterwards.
    /// </summary>
    private void KeepLogs()
    {
        var logs = Path.Combine(DataDirectory, "logs");
        if (Environment.GetEnvironmentVariable("GALLERY_TEST_LOGS") is not { Length: > 0 } keep || !Directory.Exists(logs))
        {
            return;
        }
        var target = Directory.CreateDirectory(Path.Combine(keep, Path.GetFileName(DataDirectory))).FullName;
        foreach (var file in Directory.GetFiles(logs))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
        File.WriteAllText(Path.Combine(target, "script.log"), Output);
    }

    private static Dictionary<string, string> ScriptSettings(string dataDirectory, int httpPort, int s3Port)
    {
        // The test and benchmark binaries sit in tests/<project>/bin/<configuration>/net10.0, next to the programs' own builds.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return new Dictionary<string, string>
        {
            ["GALLERY_DATA"] = dataDirectory,
            ["GALLERY_HTTP_PORT"] = httpPort.ToString(),
            ["GALLERY_S3_PORT"] = s3Port.ToString(),
            ["GALLERY_SKIP_BUILD"] = "1",
            ["GALLERY_CONFIGURATION"] = configuration,
            ["GALLERY_PG_FSYNC"] = "off",
            ["GALLERY_DASHBOARD_OPEN"] = "false",
            // run.sh's one silo would otherwise take Orleans' default ports, which other runs on the machine may hold.
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Auth__BcryptWorkFactor"] = "4",
        };
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
