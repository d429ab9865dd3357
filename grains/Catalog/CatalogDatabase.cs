using Npgsql;

namespace GalleryOrleans.Grains.Catalog;

/// <summary>The catalog tables' database (ConnectionStrings:Catalog), shared by the grains that own rows in it.</summary>
public sealed class CatalogDatabase(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public NpgsqlCommand Command(string sql) => DataSource.CreateCommand(sql);
}
