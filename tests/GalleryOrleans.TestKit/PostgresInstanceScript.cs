using System.Diagnostics;

namespace GalleryOrleans.TestKit;

/// <summary>deploy/local/pg-instance.sh, the private PostgreSQL instance of the local run, the tests and the benchmarks.</summary>
public static class PostgresInstanceScript
{
    /// <summary>Runs <c>pg-instance.sh VERB DIRECTORY</c> and returns what it printed.</summary>
    public static string Run(string verb, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "local", "pg-instance.sh");
        var start = new ProcessStartInfo("bash", [script, verb, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg-instance.sh {verb} failed: {error.Result}");
        }
        return output.Trim();
    }

    /// <summary>The postmaster's process id, from the first line of postmaster.pid in the instance's folder.</summary>
    public static int ServerProcessId(string directory) =>
        int.Parse(File.ReadLines(Path.Combine(directory, "postgres", "data", "postmaster.pid")).First());
}
