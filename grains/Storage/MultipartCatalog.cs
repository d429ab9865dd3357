using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;

namespace GalleryOrleans.Grains.Storage;

/// <summary>The SQL behind the index of multipart uploads in progress, per bucket.</summary>
public sealed class MultipartCatalog(CatalogDatabase database)
{
    public async Task InsertAsync(string bucket, string key, string uploadId, DateTime initiated)
    {
        await using var command = database.Command("INSERT INTO multipart_upload (bucket, key, upload_id, initiated) VALUES ($1, $2, $3, $4)");
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(uploadId);
        command.Parameters.AddWithValue(initiated);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteAsync(string bucket, string key, string uploadId)
    {
        await using var command = database.Command("DELETE FROM multipart_upload WHERE bucket = $1 AND key = $2 AND upload_id = $3");
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(uploadId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// One page, by key and then upload id. Without an upload-id-marker S3 starts after every upload of the key
    /// marker; with one, after that upload of it. Keys and upload ids compare by their bytes (collation "C").
    /// </summary>
    public async Task<UploadListing> ListAsync(string bucket, ListUploadsRequest request)
    {
        await using var command = database.Command("""
            SELECT key, upload_id, initiated FROM multipart_upload
            WHERE bucket = $1 AND starts_with(key, $2)
              AND (key > $3 OR (key = $3 AND $4 <> '' AND upload_id > $4))
            ORDER BY key, upload_id
            LIMIT $5
            """);
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(request.Prefix);
        command.Parameters.AddWithValue(request.KeyMarker);
        command.Parameters.AddWithValue(request.UploadIdMarker);
        command.Parameters.AddWithValue(request.MaxUploads + 1);
        await using var reader = await command.ExecuteReaderAsync();
        var uploads = new List<UploadInProgress>();
        while (await reader.ReadAsync())
        {
            uploads.Add(new UploadInProgress(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2)));
        }
        var truncated = uploads.Count > request.MaxUploads;
        return new UploadListing(truncated ? uploads[..request.MaxUploads] : uploads, truncated);
    }
}
