using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GalleryOrleans.Benchmarks;

/// <summary>One file through <c>POST /api/media/upload</c>, as the gallery and phone media benchmarks send it.</summary>
internal static class GalleryUploadRequest
{
    /// <summary>Uploads the file and answers the id of the one media item it made.</summary>
    public static async Task<string> SendAsync(
        HttpClient http, string accessToken, string file, string contentType, CancellationToken cancellationToken)
    {
        await using var body = File.OpenRead(file);
        using var content = new MultipartFormDataContent();
        content.Add(new StreamContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } }, "file", Path.GetFileName(file));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media/upload") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Uploading {file} answered {(int)response.StatusCode}: {text}");
        }
        using var document = JsonDocument.Parse(text);
        var items = document.RootElement.GetProperty("items");
        if (items.GetArrayLength() != 1)
        {
            throw new InvalidDataException($"Uploading {file} did not answer one media item: {text}");
        }
        return items[0].GetProperty("id").GetString()!;
    }
}
