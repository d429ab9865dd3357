using GalleryOrleans.Grains.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>The SQL behind share link grains and the owner's share listing.</summary>
public sealed class ShareCatalog(CatalogDatabase database)
{
    private const string Columns =
        "token_hash, owner_id, token_encrypted, album_id, media_id, expires_at, code_hash, recipient_name, revoked, view_count, created_at, include_originals";

    public Task<ShareRecord?> FindAsync(byte[] tokenHash) =>
        database.QueryFirstOrDefaultAsync($"SELECT {Columns} FROM share_link WHERE token_hash = $1", Read, tokenHash);

    public Task InsertAsync(ShareRecord share) => database.ExecuteAsync(
        $"INSERT INTO share_link ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        share.TokenHash, share.OwnerId, share.TokenEncrypted,
        CatalogDatabase.Nullable(share.AlbumId, NpgsqlDbType.Uuid), CatalogDatabase.Nullable(share.MediaId, NpgsqlDbType.Uuid),
        CatalogDatabase.Nullable(share.ExpiresAt, NpgsqlDbType.TimestampTz), CatalogDatabase.Nullable(share.CodeHash, NpgsqlDbType.Text),
        CatalogDatabase.Nullable(share.RecipientName, NpgsqlDbType.Text), share.Revoked, share.ViewCount, share.CreatedAt, share.IncludeOriginals);

    public Task UpdateAsync(ShareRecord share) => database.ExecuteAsync(
        "UPDATE share_link SET expires_at = $2, code_hash = $3, revoked = $4, view_count = $5, include_originals = $6 WHERE token_hash = $1",
        share.TokenHash, CatalogDatabase.Nullable(share.ExpiresAt, NpgsqlDbType.TimestampTz), CatalogDatabase.Nullable(share.CodeHash, NpgsqlDbType.Text),
        share.Revoked, share.ViewCount, share.IncludeOriginals);

    public async Task<bool> AlbumHoldsAsync(Guid albumId, Guid mediaId) =>
        await database.ScalarAsync("SELECT 1 FROM album_media WHERE album_id = $1 AND media_id = $2", albumId, mediaId) is not null;

    /// <summary>$1 owner, $2 album or $3 media to narrow to, $4 the cursor, $5 the limit.</summary>
    internal const string ListSql = $"""
        SELECT {Columns} FROM share_link
        WHERE owner_id = $1 AND NOT revoked AND ($2::uuid IS NULL OR album_id = $2) AND ($3::uuid IS NULL OR media_id = $3)
            AND ($4::timestamptz IS NULL OR created_at < $4)
        ORDER BY created_at DESC LIMIT $5
        """;

    /// <summary>The owner's links, newest first; revoked ones are gone for good and not listed.</summary>
    public Task<List<ShareRecord>> ListAsync(Guid owner, Guid? albumId, Guid? mediaId, GalleryCursor? after, int limit) => database.QueryAsync(
        ListSql, Read, owner, CatalogDatabase.Nullable(albumId, NpgsqlDbType.Uuid), CatalogDatabase.Nullable(mediaId, NpgsqlDbType.Uuid),
        CatalogDatabase.Nullable(after?.CreatedAt, NpgsqlDbType.TimestampTz), limit);

    private static ShareRecord Read(NpgsqlDataReader reader) => new(
        (byte[])reader[0],
        reader.GetGuid(1),
        (byte[])reader[2],
        reader.IsDBNull(3) ? null : reader.GetGuid(3),
        reader.IsDBNull(4) ? null : reader.GetGuid(4),
        reader.IsDBNull(5) ? null : reader.GetDateTime(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetBoolean(8),
        reader.GetInt64(9),
        reader.GetDateTime(10),
        reader.GetBoolean(11));
}
