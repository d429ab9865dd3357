using System.Reflection;
using Npgsql;

namespace GalleryOrleans.Silo.Schema;

/// <summary>
/// Applies the embedded, ordered migration files (Migrations/NNNN_name.sql) that are not yet recorded
/// in <c>gallery_schema_version</c>. Each file runs in its own transaction; a session-level advisory
/// lock makes silos that start together apply them one at a time, so each file runs exactly once.
/// </summary>
public static class SchemaMigrator
{
    // Any constant works; it only has to be the same for every silo of the project.
    private const long AdvisoryLockKey = 0x6761_6C6C_6572_79;

    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    public static async Task<int> ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS gallery_schema_version (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await ReadAppliedVersionsAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO gallery_schema_version (version, name) VALUES (@version, @name)", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", migration.Version);
                    record.Parameters.AddWithValue("name", migration.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                count++;
            }
            return count;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand("SELECT version FROM gallery_schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "Migrations/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Migration.FromResource(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    public sealed record Migration(int Version, string Name, string Sql)
    {
        internal static Migration FromResource(Assembly assembly, string resourceName, string fileStem)
        {
            var separator = fileStem.IndexOf('_');
            if (separator <= 0 || !int.TryParse(fileStem[..separator], out var version))
            {
                throw new InvalidOperationException($"Migration '{resourceName}' must be named NNNN_description.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var reader = new StreamReader(stream);
            return new Migration(version, fileStem[(separator + 1)..], reader.ReadToEnd());
        }
    }
}
