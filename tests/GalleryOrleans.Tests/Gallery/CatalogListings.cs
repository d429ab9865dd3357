using System.Text.Json;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Gallery;
using Npgsql;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// What the listing routes answered before the library grain held them: the catalog's keyset queries, serialised as
/// the gateway serialises its answers (web defaults), for comparing bodies byte for byte.
/// </summary>
internal sealed class CatalogListings(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(connectionString);

    private GalleryCatalog Catalog => new(new CatalogDatabase(source));

    public async Task<string> AlbumsAsync(Guid owner, string? cursor, int limit) =>
        JsonSerializer.Serialize(await Catalog.ListAlbumsAsync(owner, GalleryCursor.Decode(cursor), limit), JsonSerializerOptions.Web);

    public async Task<string> MediaAsync(Guid owner, Guid? albumId, bool favoritesOnly, string? cursor, int limit)
    {
        var (items, next) = await Catalog.ListMediaAsync(owner, new MediaQuery(albumId, favoritesOnly, null, limit), GalleryCursor.Decode(cursor));
        return JsonSerializer.Serialize(new Page<MediaView>(items.Select(m => m.ToView(m.AlbumIds)).ToList(), next), JsonSerializerOptions.Web);
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
