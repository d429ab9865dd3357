using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

public sealed class PasswordResetTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Forgot_password_answers_202_for_unknown_emails_and_sends_nothing()
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = "ghost@example.com" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, api.EmailCount("ghost@example.com"));
    }

    [Fact]
    public async Task Reset_link_sets_a_new_password_once_and_ends_every_session()
    {
        var user = await api.NewUserAsync();

        var forgot = await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = user.Email });
        var token = api.TokenFromEmail(user.Email, "reset-password");
        var reset = await api.SendAsync(HttpMethod.Post, "/api/auth/reset-password", new { token, newPassword = "Brand-New-Pass-7" });
        var again = await api.SendAsync(HttpMethod.Post, "/api/auth/reset-password", new { token, newPassword = "Another-Pass-8" });
        var oldSession = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken);
        var oldRefresh = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = user.RefreshToken });
        var oldPassword = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = ApiClient.Password });
        var newPassword = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = "Brand-New-Pass-7" });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task Tampered_reset_tokens_and_weak_passwords_are_refused()
    {
        var user = await api.NewUserAsync();
        await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = user.Email });
        var token = api.TokenFromEmail(user.Email, "reset-password");

        var tampered = await api.SendAsync(HttpMethod.Post, "/api/auth/reset-password", new { token = token[..^2] + "xx", newPassword = "Brand-New-Pass-7" });
        var weak = await api.SendAsync(HttpMethod.Post, "/api/auth/reset-password", new { token, newPassword = "short" });
        var stillOld = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(weak)).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.OK, stillOld.StatusCode);
    }
}
