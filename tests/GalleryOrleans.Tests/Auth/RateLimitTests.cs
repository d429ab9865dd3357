using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

/// <summary>A cluster whose gateway keeps the guessing limits low enough to reach in a test.</summary>
public sealed class RateLimitedCluster() : GalleryCluster(siloCount: 1, withGateway: true)
{
    protected override IDictionary<string, string?> CommonSettings()
    {
        var settings = base.CommonSettings();
        settings["RateLimits:LoginPerIp:Permits"] = "1000";
        settings["RateLimits:LoginPerAccount:Permits"] = "3";
        settings["RateLimits:LoginPerAccount:WindowSeconds"] = "900";
        settings["RateLimits:ForgotPasswordPerIp:Permits"] = "4";
        settings["RateLimits:ForgotPasswordPerIp:WindowSeconds"] = "3600";
        return settings;
    }
}

public sealed class RateLimitTests(RateLimitedCluster cluster) : IClassFixture<RateLimitedCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Repeated_logins_to_one_account_get_429_with_retry_after_even_with_the_right_password()
    {
        var user = await api.NewUserAsync(); // signing up signs in once: the first of three attempts
        for (var i = 0; i < 2; i++)
        {
            var wrong = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = "Wrong-Password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = ApiClient.Password });
        var otherAccount = await api.NewUserAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(otherAccount.AccessToken);
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
}
