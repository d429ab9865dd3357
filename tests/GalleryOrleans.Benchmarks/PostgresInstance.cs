using System.Globalization;

namespace GalleryOrleans.Benchmarks;

/// <summary>The repository's private PostgreSQL (deploy/local/pg-instance.sh) with its data in a folder.</summary>
internal sealed class PostgresInstance(string repository, string directory)
{
    private readonly string script = Path.Combine(repository, "deploy", "local", "pg-instance.sh");

    /// <summary>Starts the server and returns its connection string.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken) =>
        (await ExternalCommand.RunAsync(script, ["start", directory], cancellationToken)).Trim();

    /// <summary>The postmaster's process id, from the first line of postmaster.pid.</summary>
    public int ServerProcessId() =>
        int.Parse(File.ReadLines(Path.Combine(directory, "postgres", "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    public Task StopAsync() => ExternalCommand.RunAsync(script, ["stop", directory], CancellationToken.None);
}
