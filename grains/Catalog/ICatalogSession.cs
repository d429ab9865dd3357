using Npgsql;

namespace GalleryOrleans.Grains.Catalog;

/// <summary>Where catalog commands run: the database (each on a pooled connection) or one transaction on it.</summary>
public interface ICatalogSession
{
    /// <summary>
    /// A command for <paramref name="sql"/> with its positional parameters ($1, $2, ...) in order. A value that may be
    /// null goes in as a typed parameter (<see cref="CatalogDatabase.Nullable"/>), as SQL cannot tell the type of a bare null.
    /// </summary>
    NpgsqlCommand Command(string sql, params object?[] parameters);
}
