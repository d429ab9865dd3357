using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using Npgsql;

namespace GalleryOrleans.Grains.Storage;

/// <summary>The SQL behind the index of multipart uploads in progress, per bucket.</summary>
public sealed class MultipartCatalog(CatalogDatabase database)
{
    public Task InsertAsync(string bucket, string key, string uploadId, DateTime initiated) => database.ExecuteAsync(
        "INSERT INTO multipart_upload (bucket, key, upload_id, initiated) VALUES ($1, $2, $3, $4)", bucket, key, uploadId, initiated);

    public Task DeleteAsync(string uploadId) => database.ExecuteAsync("DELETE FROM multipart_upload WHERE upload_id = $1", uploadId);

    /// <summary>Removes the rows of a bucket's uploads; answers their upload ids.</summary>
    public async Task<IReadOnlyList<string>> DeleteInBucketAsync(string bucket) =>
        await database.QueryAsync("DELETE FROM multipart_upload WHERE bucket = $1 RETURNING upload_id", reader => reader.GetString(0), bucket);

    /// <summary>
    /// Up to <paramref name="limit"/> uploads started before <paramref name="cutoff"/>, oldest first, after
    /// <paramref name="after"/> in that order, so that a sweep pages through them even past any it cannot remove.
    /// </summary>
    public async Task<IReadOnlyList<UploadInProgress>> ListStartedBeforeAsync(DateTime cutoff, UploadInProgress? after, int limit) =>
        await database.QueryAsync("""
            SELECT key, upload_id, initiated FROM multipart_upload
            WHERE initiated < $1 AND (initiated, upload_id) > ($2, $3)
            ORDER BY initiated, upload_id
            LIMIT $4
            """, ReadUpload, cutoff, after?.Initiated ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), after?.UploadId ?? "", limit);

    /// <summary>$1 bucket, $2 prefix, $3 key marker, $4 upload id marker, $5 the key to start from (or empty), $6 the limit.</summary>
    internal const string UploadPageSql = """
        SELECT key, upload_id, initiated FROM multipart_upload
        WHERE bucket = $1 AND starts_with(key, $2)
          AND CASE WHEN $5 <> '' THEN key >= $5
                   ELSE key > $3 OR (key = $3 AND $4 <> '' AND upload_id > $4) END
        ORDER BY key, upload_id
        LIMIT $6
        """;

    /// <summary>
    /// Up to <paramref name="limit"/> uploads with the prefix, by key and then upload id: from key <paramref name="from"/>
    /// on when it is not empty, else after the markers. Without an upload-id-marker S3 starts after every upload of the
    /// key marker; with one, after that upload of it. Keys and upload ids compare by their bytes (collation "C").
    /// </summary>
    public async Task<IReadOnlyList<UploadInProgress>> ListAsync(
        string bucket, string prefix, string keyMarker, string uploadIdMarker, string from, int limit) =>
        await database.QueryAsync(UploadPageSql, ReadUpload, bucket, prefix, keyMarker, uploadIdMarker, from, limit);

    private static UploadInProgress ReadUpload(NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2));
}
