using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Catalog;
using NpgsqlTypes;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// The SQL behind GET /api/search: the owner's media whose file name, camera, place name or album name holds the text
/// (case-insensitive, read from the trigram indexes of migrations 0046 and 0048), narrowed by the filters, in taken order.
/// </summary>
public sealed class SearchCatalog(GalleryCatalog gallery)
{
    public Task<(List<MediaRecord> Items, string? NextCursor)> SearchAsync(Guid owner, MediaSearch search, GalleryCursor? after)
    {
        var text = search.Text is { Length: > 0 } words ? $"%{EscapeLike(words.ToLowerInvariant())}%" : null;
        return gallery.ReadPageAsync($"""
            SELECT {GalleryCatalog.MediaColumns}, {GalleryCatalog.TakenKey} FROM media m
            WHERE m.owner_id = $1 AND ($2::timestamptz IS NULL OR ({GalleryCatalog.TakenKey}, m.id) < ($2, $3))
                AND ($5::text IS NULL
                    OR lower(m.name) LIKE $5
                    OR lower(coalesce(m.details ->> 'CameraMake', '') || ' ' || coalesce(m.details ->> 'CameraModel', '')) LIKE $5
                    OR lower(m.place) LIKE $5
                    OR EXISTS (SELECT 1 FROM album_media am JOIN album a ON a.id = am.album_id
                               WHERE am.media_id = m.id AND a.owner_id = $1 AND lower(a.name) LIKE $5))
                AND ($6::timestamptz IS NULL OR {GalleryCatalog.TakenKey} >= $6)
                AND ($7::timestamptz IS NULL OR {GalleryCatalog.TakenKey} < $7)
                AND ($8::text IS NULL OR m.kind = $8)
                {(search.FavoritesOnly ? "AND m.is_favorite" : "")}
                {(search.HasLocation ? "AND m.details ->> 'Latitude' IS NOT NULL" : "")}
            ORDER BY {GalleryCatalog.TakenKey} DESC, m.id DESC LIMIT $4
            """,
            search.Limit,
            [owner, .. GalleryCatalog.Cursor(after), search.Limit + 1, CatalogDatabase.Nullable(text, NpgsqlDbType.Text),
                CatalogDatabase.Nullable(search.From, NpgsqlDbType.TimestampTz), CatalogDatabase.Nullable(search.Before, NpgsqlDbType.TimestampTz),
                CatalogDatabase.Nullable(search.Type, NpgsqlDbType.Text)]);
    }

    /// <summary>The text is matched literally: LIKE's wildcards and its escape character lose their meaning.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
