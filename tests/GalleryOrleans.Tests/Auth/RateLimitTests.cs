using System.Net;
using System.Net.Http.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

public sealed class RateLimitTests(RateLimitedCluster cluster) : IClassFixture<RateLimitedCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_client_guessing_one_account_gets_429_with_retry_after_even_with_the_right_password()
    {
        var user = await api.NewUserAsync();
        using var guesser = LoopbackClients.From(2, cluster.Http.BaseAddress!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await LoginAsync(guesser, user.Email, "Wrong-Password-1")).StatusCode);
        }

        var right = await LoginAsync(guesser, user.Email, ApiClient.Password);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_stranger_failing_on_an_account_does_not_lock_its_owner_out()
    {
        var user = await api.NewUserAsync();
        using var stranger = LoopbackClients.From(3, cluster.Http.BaseAddress!);
        using var owner = LoopbackClients.From(4, cluster.Http.BaseAddress!);
        var strangerStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            strangerStatuses.Add((await LoginAsync(stranger, user.Email, $"Wrong-Password-{i}")).StatusCode);
        }

        var ownerLogin = await LoginAsync(owner, user.Email, ApiClient.Password);
        var ownerTypo = await LoginAsync(owner, user.Email, "Wrong-Password-x");

        Assert.Equal(HttpStatusCode.TooManyRequests, strangerStatuses[^1]);
        Assert.Equal(HttpStatusCode.OK, ownerLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ownerTypo.StatusCode);
    }

    [Fact]
    public async Task A_client_limited_through_one_gateway_is_limited_through_another_replica_too()
    {
        var user = await api.NewUserAsync();
        var secondGateway = await cluster.StartAnotherGatewayAsync();
        using var viaFirst = LoopbackClients.From(6, cluster.Http.BaseAddress!);
        using var viaSecond = LoopbackClients.From(6, secondGateway);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(viaFirst, user.Email, "Wrong-Password-1")).StatusCode);
        }

        var right = await LoginAsync(viaSecond, user.Email, ApiClient.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task A_failing_client_does_not_limit_it_on_other_accounts()
    {
        var victim = await api.NewUserAsync();
        var other = await api.NewUserAsync();
        using var client = LoopbackClients.From(5, cluster.Http.BaseAddress!);
        for (var i = 0; i < 4; i++)
        {
            await LoginAsync(client, victim.Email, "Wrong-Password-1");
        }

        var otherLogin = await LoginAsync(client, other.Email, ApiClient.Password);

        Assert.Equal(HttpStatusCode.OK, otherLogin.StatusCode);
    }

    [Fact]
    public async Task Forgot_password_is_limited_per_client_address()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var response = await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = $"limit{i}@example.com" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("/api/auth/forgot-password", 4, 11)]
    [InlineData("/api/auth/reset-password", 3, 12)]
    public async Task A_per_address_limit_is_shared_by_every_gateway_replica(string route, int permits, int lastOctet)
    {
        var secondGateway = await cluster.StartAnotherGatewayAsync();
        using var viaFirst = LoopbackClients.From(lastOctet, cluster.Http.BaseAddress!);
        using var viaSecond = LoopbackClients.From(lastOctet, secondGateway);
        using var elsewhere = LoopbackClients.From(lastOctet + 10, secondGateway);
        var body = new { email = "replicas@example.com", token = "not-a-reset-token", newPassword = "Another-Password-9" };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < permits; i++)
        {
            statuses.Add((await (i % 2 == 0 ? viaFirst : viaSecond).PostAsJsonAsync(route, body)).StatusCode);
        }

        var overFirst = await viaFirst.PostAsJsonAsync(route, body);
        var overSecond = await viaSecond.PostAsJsonAsync(route, body);
        var otherClient = await elsewhere.PostAsJsonAsync(route, body);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, overFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, overSecond.StatusCode);
        Assert.True(overSecond.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient.StatusCode);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });
}
