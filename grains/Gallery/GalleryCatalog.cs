using System.Text.Json;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Imaging.Photos;
using Npgsql;
using NpgsqlTypes;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>The SQL behind the media and album grains and the gallery listings.</summary>
public sealed class GalleryCatalog(CatalogDatabase database)
{
    /// <summary>The columns <see cref="ReadMedia"/> reads, up to the album ids that follow them.</summary>
    internal const string MediaRowColumns =
        "m.id, m.owner_id, m.name, m.kind, m.content_type, m.size_bytes, m.width, m.height, m.taken_at, m.is_favorite, m.sha256, m.perceptual_hash, m.details, m.created_at";

    /// <summary>The columns <see cref="ReadMedia"/> reads after the album ids: the Live Photo content identifier, then lens, exposure and place.</summary>
    internal const string MediaTailColumns =
        "m.content_identifier, m.lens, m.exposure_time, m.f_number, m.iso, m.focal_length, m.place";

    /// <summary>How many columns <see cref="ReadMedia"/> reads: the row columns, the album ids and the tail.</summary>
    internal const int MediaColumnCount = 22;

    /// <summary>What <see cref="ReadMedia"/> reads: the row columns, the album ids, the tail columns.</summary>
    public const string MediaColumns =
        MediaRowColumns + ", ARRAY(SELECT am2.album_id FROM album_media am2 WHERE am2.media_id = m.id ORDER BY am2.album_id), " + MediaTailColumns;

    /// <summary>The taken-order sort time; migration 0045 indexes exactly this expression.</summary>
    public const string TakenKey = "COALESCE(m.taken_at, m.created_at)";

    // The cover: the chosen one while it is a member (migration 0049 says why), else the newest member.
    private const string AlbumColumns = """
        a.id, a.name, a.type, a.created_at, a.updated_at,
        (SELECT count(*) FROM album_media am WHERE am.album_id = a.id)::int,
        COALESCE(
            (SELECT am.media_id FROM album_media am WHERE am.album_id = a.id AND am.media_id = a.cover_media_id),
            (SELECT am.media_id FROM album_media am WHERE am.album_id = a.id ORDER BY am.media_created_at DESC, am.media_id DESC LIMIT 1)),
        a.sort
        """;

    /// <summary>A page of the owner's albums, newest first ($1 owner, $2 and $3 the cursor, $4 the limit).</summary>
    internal const string AlbumPageSql = $"""
        SELECT {AlbumColumns} FROM album a
        WHERE a.owner_id = $1 AND ($2::timestamptz IS NULL OR (a.created_at, a.id) < ($2, $3))
        ORDER BY a.created_at DESC, a.id DESC LIMIT $4
        """;

    public Task InsertMediaAsync(MediaRecord media)
    {
        var capture = media.Capture ?? CaptureFacts.None;
        return database.ExecuteAsync("""
            INSERT INTO media (id, owner_id, name, kind, content_type, size_bytes, width, height, taken_at, is_favorite, sha256, perceptual_hash, details, created_at, content_identifier,
                               lens, exposure_time, f_number, iso, focal_length, place)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
            """,
            media.Id, media.OwnerId, media.Name, media.Kind, media.ContentType, media.SizeBytes,
            CatalogDatabase.Nullable(media.Width, NpgsqlDbType.Integer), CatalogDatabase.Nullable(media.Height, NpgsqlDbType.Integer),
            CatalogDatabase.Nullable(media.TakenAt, NpgsqlDbType.TimestampTz), media.IsFavorite, media.Sha256,
            CatalogDatabase.Nullable(media.PerceptualHash, NpgsqlDbType.Bytea), CatalogDatabase.Jsonb(JsonSerializer.Serialize(media.Details)),
            media.CreatedAt, CatalogDatabase.Nullable(media.ContentIdentifier, NpgsqlDbType.Text),
            CatalogDatabase.Nullable(capture.Lens, NpgsqlDbType.Text), CatalogDatabase.Nullable(capture.ExposureTime, NpgsqlDbType.Double),
            CatalogDatabase.Nullable(capture.FNumber, NpgsqlDbType.Double), CatalogDatabase.Nullable(capture.Iso, NpgsqlDbType.Integer),
            CatalogDatabase.Nullable(capture.FocalLength, NpgsqlDbType.Double), CatalogDatabase.Nullable(capture.Place, NpgsqlDbType.Text));
    }

    /// <summary>The owner's media holding a Live Photo content identifier: a photo, or a motion part waiting for it.</summary>
    public Task<MediaRecord?> FindByContentIdentifierAsync(Guid owner, string contentIdentifier) =>
        database.QueryFirstOrDefaultAsync($"SELECT {MediaColumns} FROM media m WHERE m.owner_id = $1 AND m.content_identifier = $2", ReadMedia, owner, contentIdentifier);

    public Task<MediaRecord?> FindMediaAsync(Guid id) =>
        database.QueryFirstOrDefaultAsync($"SELECT {MediaColumns} FROM media m WHERE m.id = $1", ReadMedia, id);

    public Task UpdateMediaAsync(Guid id, string name, bool isFavorite) =>
        database.ExecuteAsync("UPDATE media SET name = $2, is_favorite = $3 WHERE id = $1", id, name, isFavorite);

    public Task UpdateMediaDetailsAsync(Guid id, MediaDetails details) =>
        database.ExecuteAsync("UPDATE media SET details = $2 WHERE id = $1", id, CatalogDatabase.Jsonb(JsonSerializer.Serialize(details)));

    /// <summary>Removes a media row for good, bypassing the trash: a Live Photo's motion part that joined its photo.</summary>
    public Task DeleteMediaAsync(Guid id) => database.ExecuteAsync("DELETE FROM media WHERE id = $1", id);

    public async Task<IReadOnlyList<Guid>> AlbumsOfAsync(Guid mediaId) =>
        await database.QueryAsync("SELECT album_id FROM album_media WHERE media_id = $1 ORDER BY album_id", reader => reader.GetGuid(0), mediaId);

    public Task<(Guid Owner, AlbumView View)?> FindAlbumAsync(Guid id) => database.QueryFirstOrDefaultAsync(
        $"SELECT a.owner_id, {AlbumColumns} FROM album a WHERE a.id = $1", reader => ((Guid, AlbumView)?)(reader.GetGuid(0), ReadAlbum(reader, 1)), id);

    public Task InsertAlbumAsync(Guid id, Guid owner, string name, string type, DateTime now) => database.ExecuteAsync(
        "INSERT INTO album (id, owner_id, name, type, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)", id, owner, name, type, now);

    /// <summary>Writes the album's fields; false (and nothing written) when the new cover is not a member of the album.</summary>
    public async Task<bool> UpdateAlbumAsync(Guid id, string name, string type, Guid? coverMediaId, string sort, DateTime now) => await database.ScalarAsync("""
        UPDATE album SET name = $2, type = $3, cover_media_id = COALESCE($5, cover_media_id), sort = $6, updated_at = $4
        WHERE id = $1 AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM album_media WHERE album_id = $1 AND media_id = $5))
        RETURNING 1
        """, id, name, type, now, CatalogDatabase.Nullable(coverMediaId, NpgsqlDbType.Uuid), sort) is not null;

    public Task DeleteAlbumAsync(Guid id) => database.ExecuteAsync("DELETE FROM album WHERE id = $1", id);

    public Task AddToAlbumAsync(Guid albumId, Guid mediaId, DateTime mediaCreatedAt, DateTime now) => database.ExecuteAsync("""
        WITH added AS (
            INSERT INTO album_media (album_id, media_id, media_created_at, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1)
        UPDATE album SET updated_at = $4 WHERE id = $1 AND EXISTS (SELECT 1 FROM added)
        """, albumId, mediaId, mediaCreatedAt, now);

    public async Task<bool> RemoveFromAlbumAsync(Guid albumId, Guid mediaId, DateTime now) => await database.ScalarAsync("""
        WITH removed AS (DELETE FROM album_media WHERE album_id = $1 AND media_id = $2 RETURNING 1)
        UPDATE album SET updated_at = $3 WHERE id = $1 AND EXISTS (SELECT 1 FROM removed) RETURNING 1
        """, albumId, mediaId, now) is not null;

    public async Task<Page<AlbumView>> ListAlbumsAsync(Guid owner, GalleryCursor? after, int limit)
    {
        var albums = await database.QueryAsync(AlbumPageSql, reader => ReadAlbum(reader, 0), [owner, .. Cursor(after), limit + 1]);
        return ToPage(albums, limit, a => new GalleryCursor(a.CreatedAt, a.Id));
    }

    /// <summary>
    /// A page of media ($1 owner, $2 and $3 the cursor, $4 the limit, then $5 the album if any, then the taken range if
    /// bounded), newest first by upload time, by taken time (upload time when unknown) either way, or in an album by the
    /// time each joined it. Keyset on (sort time, id), read from an index except for taken order inside an album, which
    /// sorts that album's members. The last column is the sort time, for the next cursor.
    /// </summary>
    internal static string MediaPageSql(bool inAlbum, bool favoritesOnly, MediaOrder order = MediaOrder.Uploaded, bool takenRange = false)
    {
        var (key, id) = (order, inAlbum) switch
        {
            (MediaOrder.Taken or MediaOrder.TakenAscending, _) => (TakenKey, "m.id"),
            (MediaOrder.Added, true) => ("am.added_at", "am.media_id"),
            (_, false) => ("m.created_at", "m.id"),
            _ => ("am.media_created_at", "am.media_id"),
        };
        var (direction, beyond) = order == MediaOrder.TakenAscending ? ("ASC", ">") : ("DESC", "<");
        var source = inAlbum ? "album_media am JOIN media m ON m.id = am.media_id" : "media m";
        var range = inAlbum ? 6 : 5;
        return $"""
            SELECT {MediaColumns}, {key} FROM {source}
            WHERE m.owner_id = $1 AND ($2::timestamptz IS NULL OR ({key}, {id}) {beyond} ($2, $3))
                {(inAlbum ? "AND am.album_id = $5" : "")} {(favoritesOnly ? "AND m.is_favorite" : "")}
                {(takenRange ? $"AND (${range}::timestamptz IS NULL OR {TakenKey} >= ${range}) AND (${range + 1}::timestamptz IS NULL OR {TakenKey} < ${range + 1})" : "")}
            ORDER BY {key} {direction}, {id} {direction} LIMIT $4
            """;
    }

    /// <summary>A page of media records in the query's order: the owner's library, favourites, or one album's members.</summary>
    public Task<(List<MediaRecord> Items, string? NextCursor)> ListMediaAsync(Guid owner, MediaQuery query, GalleryCursor? after)
    {
        var takenRange = query.TakenFrom is not null || query.TakenBefore is not null;
        List<object?> parameters = [owner, .. Cursor(after), query.Limit + 1];
        if (query.AlbumId is { } album)
        {
            parameters.Add(album);
        }
        if (takenRange)
        {
            parameters.Add(CatalogDatabase.Nullable(query.TakenFrom, NpgsqlDbType.TimestampTz));
            parameters.Add(CatalogDatabase.Nullable(query.TakenBefore, NpgsqlDbType.TimestampTz));
        }
        return ReadPageAsync(MediaPageSql(query.AlbumId is not null, query.FavoritesOnly, query.Order, takenRange), query.Limit, [.. parameters]);
    }

    /// <summary>
    /// Runs a query of <see cref="MediaColumns"/> followed by the sort time, that asked for limit + 1 rows; the extra row
    /// only says there is a next page, and the last kept row's sort time and id are the next cursor.
    /// </summary>
    public async Task<(List<MediaRecord> Items, string? NextCursor)> ReadPageAsync(string sql, int limit, params object?[] parameters)
    {
        var rows = await database.QueryAsync(sql, reader => (Media: ReadMedia(reader), SortTime: reader.GetDateTime(reader.FieldCount - 1)), parameters);
        var page = ToPage(rows, limit, row => new GalleryCursor(row.SortTime, row.Media.Id));
        return (page.Items.Select(row => row.Media).ToList(), page.NextCursor);
    }

    /// <summary>Counts per UTC month of taken time (upload time when unknown), newest month first.</summary>
    public async Task<IReadOnlyList<TimelineBucket>> TimelineBucketsAsync(Guid owner, Guid? albumId, bool favoritesOnly) => await database.QueryAsync($"""
        SELECT to_char({TakenKey} AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int
        FROM {(albumId is null ? "media m" : "album_media am JOIN media m ON m.id = am.media_id")}
        WHERE m.owner_id = $1 {(albumId is null ? "" : "AND am.album_id = $2")} {(favoritesOnly ? "AND m.is_favorite" : "")}
        GROUP BY month ORDER BY month DESC
        """, reader => new TimelineBucket(reader.GetString(0), reader.GetInt32(1)), albumId is { } album ? [owner, album] : [owner]);

    internal static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, GalleryCursor> cursorOf)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }
        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, cursorOf(rows[^1]).Encode());
    }

    /// <summary>The keyset cursor's two parameters (time, id), both null on the first page.</summary>
    public static NpgsqlParameter[] Cursor(GalleryCursor? after) =>
        [CatalogDatabase.Nullable(after?.CreatedAt, NpgsqlDbType.TimestampTz), CatalogDatabase.Nullable(after?.Id, NpgsqlDbType.Uuid)];

    internal static MediaRecord ReadMedia(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetInt64(5),
        reader.IsDBNull(6) ? null : reader.GetInt32(6),
        reader.IsDBNull(7) ? null : reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetDateTime(8),
        reader.GetBoolean(9),
        reader.GetString(10),
        reader.IsDBNull(11) ? null : (byte[])reader[11],
        JsonSerializer.Deserialize<MediaDetails>(reader.GetString(12))!,
        reader.GetDateTime(13),
        reader.GetFieldValue<Guid[]>(14),
        reader.IsDBNull(15) ? null : reader.GetString(15),
        ReadCapture(reader));

    private static CaptureFacts? ReadCapture(NpgsqlDataReader reader)
    {
        var capture = new CaptureFacts(
            reader.IsDBNull(16) ? null : reader.GetString(16),
            reader.IsDBNull(17) ? null : reader.GetDouble(17),
            reader.IsDBNull(18) ? null : reader.GetDouble(18),
            reader.IsDBNull(19) ? null : reader.GetInt32(19),
            reader.IsDBNull(20) ? null : reader.GetDouble(20),
            reader.IsDBNull(21) ? null : reader.GetString(21));
        return capture == CaptureFacts.None ? null : capture;
    }

    private static AlbumView ReadAlbum(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        reader.GetInt32(first + 5),
        reader.IsDBNull(first + 6) ? null : reader.GetGuid(first + 6),
        reader.GetDateTime(first + 3),
        reader.GetDateTime(first + 4),
        reader.GetString(first + 7));
}
