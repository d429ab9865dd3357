using System.Text.Json;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Gallery;
using GalleryOrleans.Grains.Similarity;
using GalleryOrleans.Grains.Storage;
using GalleryOrleans.Silo.Schema;
using GalleryOrleans.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace GalleryOrleans.Tests.Schema;

/// <summary>
/// The catalog's own listing SQL, planned by PostgreSQL over 100,000 rows in every table shared by 200 users: a
/// per-user listing reads an index, never the whole table.
/// </summary>
public sealed class ListingPlanTests(FilledCatalog catalog) : IClassFixture<FilledCatalog>
{
    private static readonly Guid Owner = FilledCatalog.User(8);
    private static readonly Guid OwnersAlbum = FilledCatalog.Uuid("a", 8);
    private static readonly DateTime Cursor = DateTime.UtcNow.AddDays(-1);

    public static TheoryData<string> Listings => [.. Queries.Keys];

    private static readonly Dictionary<string, (string Sql, object?[] Parameters)> Queries = new()
    {
        ["albums"] = (GalleryCatalog.AlbumPageSql, [Owner, Null(NpgsqlDbType.TimestampTz), Null(NpgsqlDbType.Uuid), 51]),
        ["albums, next page"] = (GalleryCatalog.AlbumPageSql, [Owner, Cursor, Guid.Empty, 51]),
        ["timeline"] = (GalleryCatalog.MediaPageSql(false, false), [Owner, Null(NpgsqlDbType.TimestampTz), Null(NpgsqlDbType.Uuid), 51]),
        ["timeline, next page"] = (GalleryCatalog.MediaPageSql(false, false), [Owner, Cursor, Guid.Empty, 51]),
        ["timeline by taken date"] = (GalleryCatalog.MediaPageSql(false, false, MediaOrder.Taken), [Owner, Null(NpgsqlDbType.TimestampTz), Null(NpgsqlDbType.Uuid), 51]),
        ["timeline by taken date, next page"] = (GalleryCatalog.MediaPageSql(false, false, MediaOrder.Taken), [Owner, Cursor, Guid.Empty, 51]),
        ["favourites"] = (GalleryCatalog.MediaPageSql(false, true), [Owner, Null(NpgsqlDbType.TimestampTz), Null(NpgsqlDbType.Uuid), 51]),
        ["album media"] = (GalleryCatalog.MediaPageSql(true, false), [Owner, Null(NpgsqlDbType.TimestampTz), Null(NpgsqlDbType.Uuid), 51, OwnersAlbum]),
        ["album media, recently added"] = (GalleryCatalog.MediaPageSql(true, false, MediaOrder.Added), [Owner, Null(NpgsqlDbType.TimestampTz), Null(NpgsqlDbType.Uuid), 51, OwnersAlbum]),
        ["timeline up from a month"] = (GalleryCatalog.MediaPageSql(false, false, MediaOrder.TakenAscending, takenRange: true),
            [Owner, Null(NpgsqlDbType.TimestampTz), Null(NpgsqlDbType.Uuid), 51, Cursor, Null(NpgsqlDbType.TimestampTz)]),
        ["album favourites, next page"] = (GalleryCatalog.MediaPageSql(true, true), [Owner, Cursor, Guid.Empty, 51, OwnersAlbum]),
        ["shares"] = (ShareCatalog.ListSql, [Owner, Null(NpgsqlDbType.Uuid), Null(NpgsqlDbType.Uuid), Null(NpgsqlDbType.TimestampTz), 50]),
        ["shares of an album"] = (ShareCatalog.ListSql, [Owner, OwnersAlbum, Null(NpgsqlDbType.Uuid), Cursor, 50]),
        ["shares of a media"] = (ShareCatalog.ListSql, [Owner, Null(NpgsqlDbType.Uuid), FilledCatalog.Uuid("m", 8), Null(NpgsqlDbType.TimestampTz), 50]),
        ["similar groups"] = (SimilarityCatalog.GroupPageSql, [Owner, Null(NpgsqlDbType.Integer), Null(NpgsqlDbType.Uuid), 51]),
        ["similar groups, next page"] = (SimilarityCatalog.GroupPageSql, [Owner, 4, Guid.Empty, 51]),
        ["buckets"] = (BucketCatalog.BucketListSql, [Owner]),
        ["objects"] = (BucketCatalog.ObjectPageSql, ["b8", "photos/", Null(NpgsqlDbType.Text), "photos0", Null(NpgsqlDbType.Text), 1001]),
        ["multipart uploads"] = (MultipartCatalog.UploadPageSql, ["b8", "videos/", "", "", "", 1001]),
        // Not a listing: what deleting an album or a media runs on share_link through ON DELETE CASCADE.
        ["share links cascading from an album"] = ("SELECT 1 FROM share_link WHERE album_id = $1", [OwnersAlbum]),
        ["share links cascading from a media"] = ("SELECT 1 FROM share_link WHERE media_id = $1", [FilledCatalog.Uuid("m", 9)]),
    };

    /// <summary>Pages whose index hands rows over in the page's own order, so nothing is sorted per request.</summary>
    private static readonly HashSet<string> ReadInIndexOrder = ["albums", "timeline", "timeline by taken date", "similar groups", "similar groups, next page"];

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task A_per_user_listing_reads_an_index(string listing)
    {
        var (sql, parameters) = Queries[listing];

        var plan = await catalog.ExplainAsync(sql, parameters);

        var nodes = Nodes(plan.RootElement[0].GetProperty("Plan"), insideSubPlan: false).ToList();
        Assert.True(nodes.All(node => node.Type != "Seq Scan"), $"{listing} scans a whole table:\n{plan.RootElement}");
        if (ReadInIndexOrder.Contains(listing))
        {
            Assert.True(nodes.All(node => node.InsideSubPlan || !node.Type.EndsWith("Sort", StringComparison.Ordinal)),
                $"{listing} sorts its page:\n{plan.RootElement}");
        }
    }

    private static object Null(NpgsqlDbType type) => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = type };

    private static IEnumerable<(string Type, bool InsideSubPlan)> Nodes(JsonElement node, bool insideSubPlan)
    {
        yield return (node.GetProperty("Node Type").GetString()!, insideSubPlan);
        if (!node.TryGetProperty("Plans", out var children))
        {
            yield break;
        }
        foreach (var child in children.EnumerateArray())
        {
            var relationship = child.TryGetProperty("Parent Relationship", out var value) ? value.GetString() : null;
            foreach (var descendant in Nodes(child, insideSubPlan || relationship is "SubPlan" or "InitPlan"))
            {
                yield return descendant;
            }
        }
    }
}

/// <summary>A catalog database with 100,000 rows in each listed table, spread over 200 users, and fresh statistics.</summary>
public sealed class FilledCatalog : IAsyncLifetime
{
    private const int Rows = 100_000;
    private string connectionString = "";

    /// <summary>The same ids the fill gives row <paramref name="row"/> of a table ("u" users, "m" media, "a" albums).</summary>
    public static Guid Uuid(string table, int row) =>
        new(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.ASCII.GetBytes(table + row))));

    public static Guid User(int row) => Uuid("u", row);

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.Instance.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString, SchemaMigrator.Migrations);
        // Row i belongs to user i % 200; album i % 2000 holds media i, so albums and their media share an owner.
        await ExecuteAsync($"""
            INSERT INTO media (id, owner_id, name, kind, content_type, size_bytes, sha256, is_favorite, created_at)
            SELECT md5('m' || i)::uuid, md5('u' || (i % 200))::uuid, 'photo' || i || '.jpg', 'photo', 'image/jpeg', 1000,
                   md5('s' || i), i % 10 = 0, now() - i * interval '1 minute'
            FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO album (id, owner_id, name, type, created_at, updated_at)
            SELECT md5('a' || i)::uuid, md5('u' || (i % 200))::uuid, 'album ' || i, 'manual', now() - i * interval '1 minute', now()
            FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO album_media (album_id, media_id, media_created_at)
            SELECT md5('a' || (i % 2000))::uuid, md5('m' || i)::uuid, now() - i * interval '1 minute'
            FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO share_link (token_hash, owner_id, token_encrypted, album_id, media_id, created_at)
            SELECT decode(md5('t' || i), 'hex'), md5('u' || (i % 200))::uuid, '\x00'::bytea,
                   CASE WHEN i % 2 = 0 THEN md5('a' || i)::uuid END, CASE WHEN i % 2 = 1 THEN md5('m' || i)::uuid END,
                   now() - i * interval '1 minute'
            FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO similar_group (id, owner_id, member_key, size, created_at)
            SELECT md5('g' || i)::uuid, md5('u' || (i % 200))::uuid, 'key' || i, 2 + i % 5, now()
            FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO similar_media (group_id, media_id, similarity_score)
            SELECT md5('g' || i)::uuid, md5('m' || i)::uuid, 0.9 FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO bucket (name, owner_id, created_at)
            SELECT 'b' || i, md5('u' || (i % 200))::uuid, now() FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO bucket_object (bucket, key, size_bytes, etag, sha256, content_type, last_modified, location)
            SELECT 'b' || (i % 1000), 'photos/' || i || '.jpg', 1, 'etag', 'sha', 'image/jpeg', now(), 'file'
            FROM generate_series(0, {Rows - 1}) i;
            INSERT INTO multipart_upload (bucket, key, upload_id, initiated)
            SELECT 'b' || (i % 1000), 'videos/' || i || '.mp4', 'upload' || i, now() FROM generate_series(0, {Rows - 1}) i;
            ANALYZE;
            """);
    }

    public Task DisposeAsync() => PostgresServer.Instance.DropDatabaseAsync(connectionString);

    public async Task<JsonDocument> ExplainAsync(string sql, object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }
        return JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }
}
