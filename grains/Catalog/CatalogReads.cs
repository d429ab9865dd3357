using Npgsql;

namespace GalleryOrleans.Grains.Catalog;

/// <summary>Runs a catalog query and maps its rows, so each catalog method only says what a row becomes.</summary>
internal static class CatalogReads
{
    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>The first row, mapped, or null when there is none.</summary>
    public static async Task<T?> ReadFirstOrDefaultAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? read(reader) : null;
    }
}
