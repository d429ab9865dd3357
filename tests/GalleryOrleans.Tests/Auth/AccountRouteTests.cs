using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

/// <summary>Changing the password, the list of sessions, signing out everywhere and a new verification link.</summary>
public sealed class AccountRouteTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var user = await api.NewUserAsync();
        var other = await api.LoginAsync(user.Email, ApiClient.Password);

        var wrong = await api.SendAsync(HttpMethod.Post, "/api/users/me/password",
            new { currentPassword = "Wrong-Password-1", newPassword = "Brand-New-Pass-7" }, user.AccessToken);
        var weak = await api.SendAsync(HttpMethod.Post, "/api/users/me/password",
            new { currentPassword = ApiClient.Password, newPassword = "short" }, user.AccessToken);
        var changed = await api.SendAsync(HttpMethod.Post, "/api/users/me/password",
            new { currentPassword = ApiClient.Password, newPassword = "Brand-New-Pass-7" }, user.AccessToken);
        var thisSession = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken);
        var otherSession = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: other.AccessToken);
        var oldPassword = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = ApiClient.Password });
        var newPassword = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = "Brand-New-Pass-7" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(wrong)).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, thisSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task Sessions_are_listed_with_the_current_one_marked_and_end_everywhere_at_once()
    {
        var user = await api.NewUserAsync();
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = user.Email, password = ApiClient.Password }),
        };
        login.Headers.UserAgent.ParseAdd("GalleryPhone/2.1");
        var phone = Tokens.From(await ApiClient.ReadJsonAsync(await api.Http.SendAsync(login)));

        var listed = await api.SendAsync(HttpMethod.Get, "/api/auth/sessions", token: user.AccessToken);
        var items = (await ApiClient.ReadJsonAsync(listed)).GetProperty("items").EnumerateArray().ToList();
        var signOut = await api.SendAsync(HttpMethod.Delete, "/api/auth/sessions", token: phone.AccessToken);
        var mine = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken);
        var phones = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: phone.AccessToken);
        var refresh = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = phone.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(2, items.Count);
        var current = Assert.Single(items, item => item.GetProperty("current").GetBoolean());
        var other = Assert.Single(items, item => !item.GetProperty("current").GetBoolean());
        Assert.Equal("GalleryPhone/2.1", other.GetProperty("userAgent").GetString());
        Assert.NotEqual(current.GetProperty("id").GetString(), other.GetProperty("id").GetString());
        Assert.EndsWith("Z", current.GetProperty("createdAt").GetString());
        Assert.EndsWith("Z", current.GetProperty("lastSeenAt").GetString());
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, phones.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Resend_verification_sends_a_working_link_and_is_rate_limited()
    {
        var user = await api.NewUserAsync();
        var first = api.TokenFromEmail(user.Email, "verify-email");

        var resend = await api.SendAsync(HttpMethod.Post, "/api/auth/resend-verification", token: user.AccessToken);
        var second = WaitForNewToken(user.Email, first);
        var verified = await api.SendAsync(HttpMethod.Post, "/api/auth/verify-email", new { token = second });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await api.SendAsync(HttpMethod.Post, "/api/auth/resend-verification", token: user.AccessToken)).StatusCode);
        }
        var unauthenticated = await api.SendAsync(HttpMethod.Post, "/api/auth/resend-verification");

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private string WaitForNewToken(string email, string previous)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var token = api.TokenFromEmail(email, "verify-email");
            if (token != previous)
            {
                return token;
            }
            Thread.Sleep(100);
        }
        throw new InvalidOperationException("No second verification email.");
    }
}
