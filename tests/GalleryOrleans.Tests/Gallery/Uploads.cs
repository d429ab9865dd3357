using System.Net.Http.Headers;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>Multipart uploads to /api/media/upload, as a browser sends them.</summary>
internal static class Uploads
{
    public static Task<HttpResponseMessage> SendAsync(ApiClient api, string token, params (string FileName, byte[] Bytes)[] files) =>
        SendAsync(api, token, null, files);

    public static async Task<HttpResponseMessage> SendAsync(ApiClient api, string token, string? albumId, params (string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", fileName);
        }
        if (albumId is not null)
        {
            form.Add(new StringContent(albumId), "albumId");
        }
        return await api.SendAsync(HttpMethod.Post, "/api/media/upload", form, token);
    }

    public static async Task<JsonElement> PhotoAsync(ApiClient api, string token, string sample = "astronaut.jpg")
    {
        var response = await SendAsync(api, token, (sample, SamplePhotos.Bytes(sample)));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0];
    }

    /// <summary>Uploads one file under the given name; returns the new media's id.</summary>
    public static async Task<string> MediaIdAsync(ApiClient api, string token, string name, byte[] bytes)
    {
        var response = await SendAsync(api, token, (name, bytes));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    /// <summary>The files on disk of a user's gallery bucket: originals, thumbnails, copies.</summary>
    public static List<string> StoredFiles(GalleryCluster cluster, string userId)
    {
        var directory = Path.Combine(cluster.DataDirectory, "objects", "buckets", "gallery-" + Guid.Parse(userId).ToString("N"));
        return Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories)] : [];
    }
}
