using Npgsql;

namespace GalleryOrleans.Grains.Catalog;

/// <summary>
/// Runs a catalog statement with its parameters and maps its rows, so each catalog method only says its SQL, its
/// parameters (once, in order) and what a row becomes.
/// </summary>
public static class CatalogQueries
{
    /// <summary>Runs a statement; answers how many rows it touched.</summary>
    public static async Task<int> ExecuteAsync(this ICatalogSession session, string sql, params object?[] parameters)
    {
        await using var command = session.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, or null when there is no row.</summary>
    public static async Task<object?> ScalarAsync(this ICatalogSession session, string sql, params object?[] parameters)
    {
        await using var command = session.Command(sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    public static async Task<List<T>> QueryAsync<T>(this ICatalogSession session, string sql, Func<NpgsqlDataReader, T> read, params object?[] parameters)
    {
        await using var command = session.Command(sql, parameters);
        return await command.ReadAllAsync(read);
    }

    /// <summary>The first row, mapped, or the default (null) when there is none.</summary>
    public static async Task<T?> QueryFirstOrDefaultAsync<T>(this ICatalogSession session, string sql, Func<NpgsqlDataReader, T> read, params object?[] parameters)
    {
        await using var command = session.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? read(reader) : default;
    }

    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken = default)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>A command of an <see cref="CatalogTransaction.ExecuteBatchAsync"/> batch, its parameters as <see cref="ICatalogSession.Command"/> takes them.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddAll(command.Parameters, parameters);
        return command;
    }

    internal static NpgsqlCommand WithParameters(this NpgsqlCommand command, object?[] parameters)
    {
        AddAll(command.Parameters, parameters);
        return command;
    }

    private static void AddAll(NpgsqlParameterCollection collection, object?[] parameters)
    {
        foreach (var value in parameters)
        {
            collection.Add(value as NpgsqlParameter ?? new NpgsqlParameter
            {
                Value = value ?? throw new ArgumentException("A value that may be null goes in as CatalogDatabase.Nullable(value, type)."),
            });
        }
    }
}
