using System.Text.Json;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace GalleryOrleans.Grains.Storage;

/// <summary>The SQL behind bucket grains: bucket rows and the object index.</summary>
public sealed class BucketCatalog(CatalogDatabase database)
{
    private const string ObjectColumns = "key, size_bytes, etag, sha256, content_type, metadata, last_modified, location, headers, part_sizes";

    public Task<BucketInfo?> FindBucketAsync(string name) => database.QueryFirstOrDefaultAsync(
        "SELECT owner_id, created_at, object_count, size_bytes FROM bucket WHERE name = $1",
        reader => new BucketInfo(name, reader.GetGuid(0), reader.GetDateTime(1), reader.GetInt64(2), reader.GetInt64(3)), name);

    internal const string BucketListSql = "SELECT name, created_at, object_count, size_bytes FROM bucket WHERE owner_id = $1 ORDER BY name";

    /// <summary>$1 bucket, $2 prefix, $3 the key to start after, $4 the prefix's upper bound, $5 the first key, $6 the limit.</summary>
    internal const string ObjectPageSql = $"""
        SELECT {ObjectColumns} FROM bucket_object
        WHERE bucket = $1 AND key >= $2 AND ($3::text IS NULL OR key > $3) AND ($4::text IS NULL OR key < $4)
            AND ($5::text IS NULL OR key >= $5)
        ORDER BY key LIMIT $6
        """;

    public async Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(Guid owner) => await database.QueryAsync(
        BucketListSql, reader => new BucketInfo(reader.GetString(0), owner, reader.GetDateTime(1), reader.GetInt64(2), reader.GetInt64(3)), owner);

    /// <summary>The bytes of every object in the owner's buckets.</summary>
    public async Task<long> StoredBytesOfOwnerAsync(Guid owner) =>
        (long)(await database.ScalarAsync("SELECT COALESCE(SUM(size_bytes), 0)::bigint FROM bucket WHERE owner_id = $1", owner))!;

    public Task InsertBucketAsync(BucketInfo bucket) =>
        database.ExecuteAsync("INSERT INTO bucket (name, owner_id, created_at) VALUES ($1, $2, $3)", bucket.Name, bucket.Owner, bucket.CreatedAt);

    public Task DeleteBucketAsync(string name) => database.ExecuteAsync("DELETE FROM bucket WHERE name = $1", name);

    /// <summary>Records an object, returning the one it replaced (whose bytes the caller deletes).</summary>
    public Task<ObjectInfo?> UpsertObjectAsync(ObjectInfo info) => database.InTransactionAsync(async transaction =>
    {
        var previous = await FindObjectAsync(transaction, info.Bucket, info.Key, forUpdate: true);
        await transaction.ExecuteAsync($"""
            INSERT INTO bucket_object (bucket, {ObjectColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (bucket, key) DO UPDATE SET size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag,
                sha256 = EXCLUDED.sha256, content_type = EXCLUDED.content_type, metadata = EXCLUDED.metadata,
                last_modified = EXCLUDED.last_modified, location = EXCLUDED.location, headers = EXCLUDED.headers,
                part_sizes = EXCLUDED.part_sizes
            """,
            info.Bucket, info.Key, info.Size, info.ETag, info.Sha256Hex, info.ContentType, CatalogDatabase.Jsonb(JsonSerializer.Serialize(info.Metadata)),
            info.LastModified, info.Location.RelativePath, CatalogDatabase.Jsonb(JsonSerializer.Serialize(info.Headers)), info.PartSizes.ToArray());
        await AdjustTotalsAsync(transaction, info.Bucket, previous is null ? 1 : 0, info.Size - (previous?.Size ?? 0));
        return previous;
    });

    public Task<ObjectInfo?> FindObjectAsync(string bucket, string key) => FindObjectAsync(database, bucket, key, forUpdate: false);

    public Task<ObjectInfo?> DeleteObjectAsync(string bucket, string key) => database.InTransactionAsync(async transaction =>
    {
        var deleted = await transaction.QueryFirstOrDefaultAsync(
            $"DELETE FROM bucket_object WHERE bucket = $1 AND key = $2 RETURNING {ObjectColumns}", reader => ReadObject(reader, bucket), bucket, key);
        if (deleted is not null)
        {
            await AdjustTotalsAsync(transaction, bucket, -1, -deleted.Size);
        }
        return deleted;
    });

    /// <summary>
    /// Up to <paramref name="limit"/> objects with the prefix, in key order, whose keys sort after
    /// <paramref name="after"/> and not before <paramref name="from"/> (each optional).
    /// </summary>
    public Task<List<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? after, string? from, int limit) => database.QueryAsync(
        ObjectPageSql, reader => ReadObject(reader, bucket), bucket, prefix, CatalogDatabase.Nullable(after, NpgsqlDbType.Text),
        CatalogDatabase.Nullable(KeyRange.UpperBound(prefix), NpgsqlDbType.Text), CatalogDatabase.Nullable(from, NpgsqlDbType.Text), limit);

    private static Task<ObjectInfo?> FindObjectAsync(ICatalogSession session, string bucket, string key, bool forUpdate) => session.QueryFirstOrDefaultAsync(
        $"SELECT {ObjectColumns} FROM bucket_object WHERE bucket = $1 AND key = $2{(forUpdate ? " FOR UPDATE" : "")}", reader => ReadObject(reader, bucket), bucket, key);

    private static Task AdjustTotalsAsync(CatalogTransaction transaction, string bucket, long count, long bytes) => transaction.ExecuteAsync(
        "UPDATE bucket SET object_count = object_count + $2, size_bytes = size_bytes + $3 WHERE name = $1", bucket, count, bytes);

    private static ObjectInfo ReadObject(NpgsqlDataReader reader, string bucket) => new(
        bucket,
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
        reader.GetDateTime(6),
        new ObjectLocation(reader.GetString(7)),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8)) ?? [],
        reader.GetFieldValue<long[]>(9));
}
