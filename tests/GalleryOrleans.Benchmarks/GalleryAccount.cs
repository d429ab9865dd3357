using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;

namespace GalleryOrleans.Benchmarks;

/// <summary>A fresh user signed in over the HTTP API, with an S3 key and a stock AWS SDK client using it.</summary>
internal sealed class GalleryAccount(string accessToken, AmazonS3Client s3) : IDisposable
{
    private const string Password = "Benchmark-Passw0rd";

    public string AccessToken { get; } = accessToken;
    public AmazonS3Client S3 { get; } = s3;

    public static async Task<GalleryAccount> CreateAsync(HttpClient http, Uri s3Endpoint, CancellationToken cancellationToken)
    {
        var username = "bench" + Guid.NewGuid().ToString("N")[..10];
        var email = username + "@example.com";
        await PostAsync(http, "/api/auth/register", new { username, email, password = Password }, null, HttpStatusCode.Created, cancellationToken);
        var tokens = await PostAsync(http, "/api/auth/login", new { email, password = Password }, null, HttpStatusCode.OK, cancellationToken);
        var accessToken = tokens.GetProperty("accessToken").GetString()!;
        var key = await PostAsync(http, "/api/auth/keys", new { name = "benchmark" }, accessToken, HttpStatusCode.Created, cancellationToken);
        var credentials = new BasicAWSCredentials(key.GetProperty("accessKeyId").GetString(), key.GetProperty("secretAccessKey").GetString());
        return new GalleryAccount(accessToken, S3Clients.Create(s3Endpoint, credentials));
    }

    public void Dispose() => S3.Dispose();

    private static async Task<JsonElement> PostAsync(
        HttpClient http, string path, object body, string? bearer, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
