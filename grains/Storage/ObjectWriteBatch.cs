using System.Text.Json;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using Npgsql;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// One catalog transaction that records many objects of a bucket at once (a bucket grain's group commit): the
/// keys' current rows are read and locked first, then every row and the bucket's new totals are written in one
/// round trip, and the whole is committed with one WAL flush.
/// </summary>
public sealed class ObjectWriteBatch : IAsyncDisposable
{
    private const string UpsertSql = $"""
        INSERT INTO bucket_object (bucket, {BucketCatalog.ObjectColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (bucket, key) DO UPDATE SET size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag,
            sha256 = EXCLUDED.sha256, content_type = EXCLUDED.content_type, metadata = EXCLUDED.metadata,
            last_modified = EXCLUDED.last_modified, location = EXCLUDED.location, headers = EXCLUDED.headers,
            part_sizes = EXCLUDED.part_sizes
        """;

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly CatalogTransaction session;
    private readonly string bucket;

    private ObjectWriteBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, string bucket, IReadOnlyDictionary<string, ObjectInfo> current)
    {
        this.connection = connection;
        this.transaction = transaction;
        session = new CatalogTransaction(connection, transaction);
        this.bucket = bucket;
        Current = current;
    }

    /// <summary>The rows the keys had when the batch began, locked until it ends; a key without a row is absent.</summary>
    public IReadOnlyDictionary<string, ObjectInfo> Current { get; }

    internal static async Task<ObjectWriteBatch> BeginAsync(CatalogDatabase database, string bucket, IReadOnlyCollection<string> keys)
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        try
        {
            var transaction = await connection.BeginTransactionAsync();
            var rows = await new CatalogTransaction(connection, transaction).QueryAsync(
                $"SELECT {BucketCatalog.ObjectColumns} FROM bucket_object WHERE bucket = $1 AND key = ANY($2) ORDER BY key FOR UPDATE",
                reader => BucketCatalog.ReadObject(reader, bucket), bucket, keys.ToArray());
            return new ObjectWriteBatch(connection, transaction, bucket, rows.ToDictionary(row => row.Key));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The bytes of every object in the owner's buckets, as this transaction sees them.</summary>
    public async Task<long> StoredBytesOfOwnerAsync(Guid owner) => (long)(await session.ScalarAsync(BucketCatalog.StoredBytesOfOwnerSql, owner))!;

    /// <summary>Writes the rows (one per key) and the bucket's new totals, and commits.</summary>
    public async Task CommitAsync(IReadOnlyCollection<ObjectInfo> rows)
    {
        if (rows.Count > 0)
        {
            var added = (long)rows.Count(row => !Current.ContainsKey(row.Key));
            var bytes = rows.Sum(row => row.Size - (Current.GetValueOrDefault(row.Key)?.Size ?? 0));
            await session.ExecuteBatchAsync([.. rows.Select(Upsert), CatalogQueries.BatchCommand(BucketCatalog.AdjustTotalsSql, bucket, added, bytes)]);
        }
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private NpgsqlBatchCommand Upsert(ObjectInfo info) => CatalogQueries.BatchCommand(
        UpsertSql, bucket, info.Key, info.Size, info.ETag, info.Sha256Hex, info.ContentType, CatalogDatabase.Jsonb(JsonSerializer.Serialize(info.Metadata)),
        info.LastModified, info.Location.RelativePath, CatalogDatabase.Jsonb(JsonSerializer.Serialize(info.Headers)), info.PartSizes.ToArray());
}
