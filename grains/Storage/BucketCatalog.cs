using System.Text.Json;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace GalleryOrleans.Grains.Storage;

/// <summary>The SQL behind bucket grains: bucket rows and the object index.</summary>
public sealed class BucketCatalog(CatalogDatabase database)
{
    internal const string ObjectColumns = "key, size_bytes, etag, sha256, content_type, metadata, last_modified, location, headers, part_sizes";

    public async Task<BucketInfo?> FindBucketAsync(string name)
    {
        await using var command = database.Command("SELECT owner_id, created_at, object_count, size_bytes FROM bucket WHERE name = $1");
        command.Parameters.AddWithValue(name);
        return await command.ReadFirstOrDefaultAsync(reader => new BucketInfo(name, reader.GetGuid(0), reader.GetDateTime(1), reader.GetInt64(2), reader.GetInt64(3)));
    }

    internal const string BucketListSql = "SELECT name, created_at, object_count, size_bytes FROM bucket WHERE owner_id = $1 ORDER BY name";

    /// <summary>$1 bucket, $2 prefix, $3 the key to start after, $4 the prefix's upper bound, $5 the first key, $6 the limit.</summary>
    internal const string ObjectPageSql = $"""
        SELECT {ObjectColumns} FROM bucket_object
        WHERE bucket = $1 AND key >= $2 AND ($3::text IS NULL OR key > $3) AND ($4::text IS NULL OR key < $4)
            AND ($5::text IS NULL OR key >= $5)
        ORDER BY key LIMIT $6
        """;

    internal const string StoredBytesOfOwnerSql = "SELECT COALESCE(SUM(size_bytes), 0)::bigint FROM bucket WHERE owner_id = $1";

    public async Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(Guid owner)
    {
        await using var command = database.Command(BucketListSql);
        command.Parameters.AddWithValue(owner);
        return await command.ReadAllAsync(reader => new BucketInfo(reader.GetString(0), owner, reader.GetDateTime(1), reader.GetInt64(2), reader.GetInt64(3)));
    }

    /// <summary>The bytes of every object in the owner's buckets.</summary>
    public async Task<long> StoredBytesOfOwnerAsync(Guid owner)
    {
        await using var command = database.Command(StoredBytesOfOwnerSql);
        command.Parameters.AddWithValue(owner);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task InsertBucketAsync(BucketInfo bucket)
    {
        await using var command = database.Command("INSERT INTO bucket (name, owner_id, created_at) VALUES ($1, $2, $3)");
        command.Parameters.AddWithValue(bucket.Name);
        command.Parameters.AddWithValue(bucket.Owner);
        command.Parameters.AddWithValue(bucket.CreatedAt);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteBucketAsync(string name)
    {
        await using var command = database.Command("DELETE FROM bucket WHERE name = $1");
        command.Parameters.AddWithValue(name);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Opens one transaction that records a batch of objects in <paramref name="bucket"/>, with the keys' current rows locked.</summary>
    public Task<ObjectWriteBatch> BeginObjectWritesAsync(string bucket, IReadOnlyCollection<string> keys) =>
        ObjectWriteBatch.BeginAsync(database, bucket, keys);

    public async Task<ObjectInfo?> FindObjectAsync(string bucket, string key)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await FindObjectAsync(connection, bucket, key, forUpdate: false);
    }

    public async Task<ObjectInfo?> DeleteObjectAsync(string bucket, string key)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        ObjectInfo? deleted;
        await using (var delete = new NpgsqlCommand(
            $"DELETE FROM bucket_object WHERE bucket = $1 AND key = $2 RETURNING {ObjectColumns}", connection, transaction))
        {
            delete.Parameters.AddWithValue(bucket);
            delete.Parameters.AddWithValue(key);
            await using var reader = await delete.ExecuteReaderAsync();
            deleted = await reader.ReadAsync() ? ReadObject(reader, bucket) : null;
        }
        if (deleted is not null)
        {
            await AdjustTotalsAsync(connection, transaction, bucket, -1, -deleted.Size);
        }
        await transaction.CommitAsync();
        return deleted;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> objects with the prefix, in key order, whose keys sort after
    /// <paramref name="after"/> and not before <paramref name="from"/> (each optional).
    /// </summary>
    public async Task<List<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? after, string? from, int limit)
    {
        await using var command = database.Command(ObjectPageSql);
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(prefix);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)KeyRange.UpperBound(prefix) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.AddWithValue(limit);
        return await command.ReadAllAsync(reader => ReadObject(reader, bucket));
    }

    private static async Task<ObjectInfo?> FindObjectAsync(NpgsqlConnection connection, string bucket, string key, bool forUpdate)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {ObjectColumns} FROM bucket_object WHERE bucket = $1 AND key = $2{(forUpdate ? " FOR UPDATE" : "")}", connection);
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(key);
        return await command.ReadFirstOrDefaultAsync(reader => ReadObject(reader, bucket));
    }

    /// <summary>$1 bucket, $2 objects added, $3 bytes added.</summary>
    internal const string AdjustTotalsSql = "UPDATE bucket SET object_count = object_count + $2, size_bytes = size_bytes + $3 WHERE name = $1";

    private static async Task AdjustTotalsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string bucket, long count, long bytes)
    {
        await using var command = new NpgsqlCommand(AdjustTotalsSql, connection, transaction);
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(count);
        command.Parameters.AddWithValue(bytes);
        await command.ExecuteNonQueryAsync();
    }

    internal static ObjectInfo ReadObject(NpgsqlDataReader reader, string bucket) => new(
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
