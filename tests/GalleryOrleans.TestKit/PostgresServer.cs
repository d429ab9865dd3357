using Npgsql;

namespace GalleryOrleans.TestKit;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run, started with the same script as the local
/// run (or the server named by GALLERY_TEST_DB). Each test class gets its own fresh database.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string adminConnectionString;
    private readonly string? instanceDirectory;

    private PostgresServer(string adminConnectionString, string? instanceDirectory)
    {
        this.adminConnectionString = adminConnectionString;
        this.instanceDirectory = instanceDirectory;
    }

    public static PostgresServer Instance => Shared.Value;

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgresServer Start()
    {
        var external = Environment.GetEnvironmentVariable("GALLERY_TEST_DB");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, null);
        }
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "galleryorleans-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var connectionString = PostgresInstanceScript.Run("start", directory, new Dictionary<string, string> { ["GALLERY_PG_FSYNC"] = "off" });
        var server = new PostgresServer(connectionString, directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        if (instanceDirectory is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        PostgresInstanceScript.Run("destroy", instanceDirectory);
    }
}
