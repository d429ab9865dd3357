using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>Talks to the gateway as an outside client would: JSON over HTTP, bearer tokens.</summary>
public sealed partial class ApiClient(HttpClient http, string mailDirectory)
{
    public const string Password = "Correct-Horse-9";

    /// <summary>How long a test waits for an email the outbox sends in the background; generous for a loaded machine.</summary>
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    public ApiClient(GalleryCluster cluster) : this(cluster.Http, cluster.MailDirectory)
    {
    }

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonTextAsync(string path, string json) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PatchRawAsync(string path, string json, string token) =>
        SendAsync(HttpMethod.Patch, path, new StringContent(json, Encoding.UTF8, "application/json"), token);

    /// <summary>Registers a fresh user and signs in; returns its ids and tokens.</summary>
    public async Task<SignedInUser> NewUserAsync(string? password = null)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..12];
        var email = $"{name}@example.com";
        var registered = await SendAsync(HttpMethod.Post, "/api/auth/register", new { username = name, email, password = password ?? Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var user = await ReadJsonAsync(registered);
        var tokens = await LoginAsync(email, password ?? Password);
        return new SignedInUser(user.GetProperty("id").GetString()!, name, email, tokens.AccessToken, tokens.RefreshToken);
    }

    public async Task<Tokens> LoginAsync(string email, string password)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Tokens.From(await ReadJsonAsync(response));
    }

    /// <summary>Confirms the user's email with the link from the verification email.</summary>
    public async Task VerifyEmailAsync(string email)
    {
        var verified = await SendAsync(HttpMethod.Post, "/api/auth/verify-email", new { token = TokenFromEmail(email, "verify-email") });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The token in the newest email to this address whose link points at the given page. Mail leaves the silo's outbox
    /// after the request that caused it has been answered, so this waits for it.
    /// </summary>
    public string TokenFromEmail(string email, string page)
    {
        string? token = null;
        WaitForEmail(email, text =>
        {
            var match = LinkPattern().Match(text);
            token = match.Success && match.Groups["page"].Value == page ? Uri.UnescapeDataString(match.Groups["token"].Value) : null;
            return token is not null;
        }, $"No {page} email for {email}.");
        return token!;
    }

    /// <summary>The text of the newest email to this address that contains the phrase, once it has arrived.</summary>
    public string EmailContaining(string email, string phrase) =>
        WaitForEmail(email, text => text.Contains(phrase, StringComparison.Ordinal), $"No email for {email} says \"{phrase}\".");

    private string WaitForEmail(string email, Func<string, bool> wanted, string failure)
    {
        var deadline = DateTime.UtcNow + MailWait;
        while (true)
        {
            var messages = Directory.Exists(mailDirectory)
                ? Directory.GetFiles(mailDirectory, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc)
                : Enumerable.Empty<string>();
            foreach (var file in messages)
            {
                // Undo quoted-printable's soft line breaks, so a phrase or link reads as written.
                var text = File.ReadAllText(file).Replace("=\r\n", "").Replace("=\n", "");
                if (text.Contains(email, StringComparison.OrdinalIgnoreCase) && wanted(text))
                {
                    return text;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(failure);
            }
            Thread.Sleep(50);
        }
    }

    public int EmailCount(string email) => Directory.Exists(mailDirectory)
        ? Directory.GetFiles(mailDirectory, "*.eml").Count(f => File.ReadAllText(f).Contains(email, StringComparison.OrdinalIgnoreCase))
        : 0;

    [GeneratedRegex(@"http://gallery\.test/(?<page>[a-z-]+)\?token=(?<token>[A-Za-z0-9%._~-]+)")]
    private static partial Regex LinkPattern();
}

public sealed record SignedInUser(string Id, string Username, string Email, string AccessToken, string RefreshToken);

public sealed record Tokens(string AccessToken, string RefreshToken)
{
    public static Tokens From(JsonElement body) =>
        new(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
}
