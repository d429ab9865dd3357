using Npgsql;
using NpgsqlTypes;

namespace GalleryOrleans.Grains.Catalog;

/// <summary>The catalog tables' database (ConnectionStrings:Catalog), shared by the grains that own rows in it.</summary>
public sealed class CatalogDatabase(NpgsqlDataSource dataSource) : ICatalogSession
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public NpgsqlCommand Command(string sql, params object?[] parameters) => DataSource.CreateCommand(sql).WithParameters(parameters);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns unless it rolled back.</summary>
    public async Task<T> InTransactionAsync<T>(Func<CatalogTransaction, Task<T>> work)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var session = new CatalogTransaction(connection, transaction);
        var result = await work(session);
        if (!session.RolledBack)
        {
            await transaction.CommitAsync();
        }
        return result;
    }

    /// <summary>A typed parameter that may be SQL NULL.</summary>
    public static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    /// <summary>A jsonb parameter from JSON text.</summary>
    public static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };
}
