using System.Reflection;
using Npgsql;

namespace GalleryOrleans.Silo.Schema;

/// <summary>
/// Applies the embedded, ordered migration files that are not yet recorded in <c>gallery_schema_version</c>:
/// Migrations/Orleans/NNNN_name.sql to the Orleans database, Migrations/Catalog/NNNN_name.sql to the catalog
/// database. Version numbers are unique across both folders, so one database holding both records each once.
/// Each file runs in its own transaction; a session-level advisory lock makes silos that start together apply
/// them one at a time, so each file runs exactly once.
/// </summary>
public static class SchemaMigrator
{
    // Any constant works; it only has to be the same for every silo of the project.
    private const long AdvisoryLockKey = 0x6761_6C6C_6572_79;

    private const string ResourcePrefix = "Migrations/";

    /// <summary>Orleans' own tables and queries (clustering, grain state, reminders).</summary>
    public static IReadOnlyList<Migration> Orleans { get; } = LoadMigrations("Orleans");

    /// <summary>The tables the grains query through the catalog connection.</summary>
    public static IReadOnlyList<Migration> Catalog { get; } = LoadMigrations("Catalog");

    /// <summary>Both folders in version order: what one database serving both connection strings gets.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Combine(Orleans, Catalog);

    /// <summary>
    /// The migrations each distinct database gets: a database named by both connection strings gets both folders,
    /// as it always did, so a deployment that recorded every version before the split applies nothing again.
    /// </summary>
    public static IEnumerable<(string ConnectionString, IReadOnlyList<Migration> Migrations)> PlanFor(DatabaseSettings settings) =>
        new[] { (ConnectionString: settings.Orleans, Migrations: Orleans), (ConnectionString: settings.Catalog, Migrations: Catalog) }
            .GroupBy(target => target.ConnectionString, StringComparer.Ordinal)
            .Select(database => (database.Key, Combine(database.Select(target => target.Migrations).ToArray())));

    public static async Task<int> ApplyAsync(
        string connectionString, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
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
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
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

    private static List<Migration> LoadMigrations(string folder)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .ToList();
        // A file left directly in Migrations/ would belong to neither database and silently never run.
        var homeless = names.FirstOrDefault(name => name.IndexOf('/', ResourcePrefix.Length) < 0);
        if (homeless is not null)
        {
            throw new InvalidOperationException($"Migration '{homeless}' must sit in Migrations/Orleans or Migrations/Catalog.");
        }
        var prefix = $"{ResourcePrefix}{folder}/";
        return names
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Migration.FromResource(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static IReadOnlyList<Migration> Combine(params IReadOnlyList<Migration>[] folders)
    {
        var all = folders.SelectMany(folder => folder).OrderBy(m => m.Version).ToList();
        var repeated = all.GroupBy(m => m.Version).FirstOrDefault(version => version.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidOperationException($"Migration version {repeated.Key} is used twice: {string.Join(", ", repeated.Select(m => m.Name))}.");
        }
        return all;
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
