using GalleryOrleans.Grains.Auth;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

public sealed class SecretLeakTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task No_account_response_carries_a_password_hash_or_a_reset_token()
    {
        var user = await api.NewUserAsync();
        await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = user.Email });
        var resetToken = api.TokenFromEmail(user.Email, "reset-password");
        var responses = new[]
        {
            await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken),
            await api.SendAsync(HttpMethod.Patch, "/api/users/me", new { lastName = "Hopper" }, user.AccessToken),
            await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = ApiClient.Password }),
            await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = "Wrong-Password-1" }),
            await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = user.Email }),
            await api.SendAsync(HttpMethod.Get, "/api/auth/keys", token: user.AccessToken),
        };

        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("$2a$", text);
            Assert.DoesNotContain("$2b$", text);
            Assert.DoesNotContain(resetToken.Split('.')[1], text);
            Assert.DoesNotContain("googleId", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"password", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Passwords_are_hashed_with_a_work_factor_of_at_least_11_by_default()
    {
        var hash = await new PasswordHasher(new AuthOptions()).HashAsync("Correct-Horse-9");

        Assert.Matches(@"^\$2[aby]\$(1[1-9]|[2-3][0-9])\$", hash);
    }
}
