using Npgsql;

namespace GalleryOrleans.Tests.Resilience;

/// <summary>
/// Makes a test cluster's own database unreachable and back, without touching the shared server: the database
/// stops accepting connections and its open ones are ended, which is what clients see of a stopped server.
/// </summary>
internal sealed class DatabaseOutage(string connectionString) : IAsyncDisposable
{
    private readonly string database = new NpgsqlConnectionStringBuilder(connectionString).Database!;

    public static async Task<DatabaseOutage> BeginAsync(string connectionString)
    {
        var outage = new DatabaseOutage(connectionString);
        await outage.RunAsync($"ALTER DATABASE {outage.database} ALLOW_CONNECTIONS false");
        await outage.RunAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{outage.database}' AND pid <> pg_backend_pid()");
        return outage;
    }

    public async ValueTask DisposeAsync() => await RunAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");

    private async Task RunAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
