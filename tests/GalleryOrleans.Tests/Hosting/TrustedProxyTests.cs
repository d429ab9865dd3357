using System.Net;
using System.Net.Http.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only when the configured proxy sends them: behind it, clients
/// are limited one by one and share cookies are Secure; from anyone else, the headers change nothing.
/// </summary>
public sealed class TrustedProxyTests(TrustedProxyCluster cluster) : IClassFixture<TrustedProxyCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Behind_the_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        using var proxy = LoopbackClients.From(TrustedProxyCluster.Proxy, cluster.Http.BaseAddress!);

        var first = await SignUpsAsync(proxy, "203.0.113.10", TrustedProxyCluster.SignUpsPerClient + 1);
        var second = await SignUpsAsync(proxy, "203.0.113.11", 1);
        // A client that puts its own X-Forwarded-For in front is still the address the proxy appended.
        var spoofing = await SignUpsAsync(proxy, "198.51.100.1, 203.0.113.10", 1);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, TrustedProxyCluster.SignUpsPerClient), HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.Created], second);
        Assert.Equal([HttpStatusCode.TooManyRequests], spoofing);
    }

    [Fact]
    public async Task An_untrusted_client_cannot_escape_its_limit_with_forwarded_headers()
    {
        // 127.0.0.3 is loopback, which ASP.NET Core would trust by default.
        using var client = LoopbackClients.From("127.0.0.3", cluster.Http.BaseAddress!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= TrustedProxyCluster.SignUpsPerClient; i++)
        {
            statuses.AddRange(await SignUpsAsync(client, $"203.0.113.{100 + i}", 1));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, TrustedProxyCluster.SignUpsPerClient), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_share_cookie_is_secure_behind_the_tls_terminating_proxy_only()
    {
        var owner = await api.NewUserAsync();
        var album = (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Proxied" }, owner.AccessToken)))
            .GetProperty("id").GetString();
        var share = await api.SendAsync(HttpMethod.Post, "/api/shares", new { albumId = album, accessCode = "proxied-code" }, owner.AccessToken);
        var token = (await ApiClient.ReadJsonAsync(share)).GetProperty("token").GetString();
        using var proxy = LoopbackClients.From(TrustedProxyCluster.Proxy, cluster.Http.BaseAddress!);
        using var stranger = LoopbackClients.From("127.0.0.4", cluster.Http.BaseAddress!);

        var proxied = await UnlockOverHttpsAsync(proxy, token!);
        var spoofed = await UnlockOverHttpsAsync(stranger, token!);

        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Contains("secure", Assert.Single(proxied.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
        Assert.DoesNotContain("secure", Assert.Single(spoofed.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<HttpStatusCode>> SignUpsAsync(HttpClient client, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var name = "p" + Guid.NewGuid().ToString("N")[..12];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
            {
                Content = JsonContent.Create(new { username = name, email = $"{name}@example.com", password = ApiClient.Password }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static async Task<HttpResponseMessage> UnlockOverHttpsAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{token}/unlock") { Content = JsonContent.Create(new { code = "proxied-code" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.50");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }
}
