using Npgsql;

namespace GalleryOrleans.Grains.Catalog;

/// <summary>The catalog tables' database (ConnectionStrings:Catalog), shared by the grains that own rows in it.</summary>
public sealed class CatalogDatabase(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public NpgsqlCommand Command(string sql) => DataSource.CreateCommand(sql);

    /// <summary>A typed parameter that may be SQL NULL.</summary>
    public static NpgsqlParameter Nullable(object? value, NpgsqlTypes.NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
