using System.Net;
using System.Security.Cryptography;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace GalleryOrleans.Tests.Auth;

public sealed class GoogleSignInTests(GoogleSignInCluster cluster) : IClassFixture<GoogleSignInCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_valid_token_creates_a_linked_user_and_signs_in_the_same_user_next_time()
    {
        var subject = "g-" + Guid.NewGuid().ToString("N");
        var email = $"person{Guid.NewGuid():N}@gmail.test";

        var first = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = cluster.IdToken(subject, email) });
        var second = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = cluster.IdToken(subject, email) });
        var firstMe = await MeAsync(first);
        var secondMe = await MeAsync(second);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstMe.GetProperty("id").GetString(), secondMe.GetProperty("id").GetString());
        Assert.True(firstMe.GetProperty("googleLinked").GetBoolean());
        Assert.True(firstMe.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(email, firstMe.GetProperty("email").GetString());
        Assert.DoesNotContain(subject, firstMe.ToString());
    }

    [Fact]
    public async Task A_verified_google_email_links_to_the_existing_verified_account_and_ends_its_password_sessions()
    {
        var user = await api.NewUserAsync();
        await api.VerifyEmailAsync(user.Email);

        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = cluster.IdToken("g-" + Guid.NewGuid(), user.Email) });
        var me = await MeAsync(response);
        var passwordSession = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken);
        var passwordRefresh = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = user.RefreshToken });

        Assert.Equal(user.Id, me.GetProperty("id").GetString());
        Assert.True(me.GetProperty("googleLinked").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, passwordSession.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, passwordRefresh.StatusCode);
    }

    [Fact]
    public async Task Google_sign_in_never_joins_an_account_whose_email_was_never_verified()
    {
        // Someone registered the address with a password of their own and never confirmed it.
        var squatter = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = cluster.IdToken("g-" + Guid.NewGuid(), squatter.Email) });
        var problem = await ApiClient.ReadJsonAsync(response);
        var squatterMe = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/users/me", token: squatter.AccessToken));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sign in with your password and link Google from your profile.", problem.GetProperty("detail").GetString());
        Assert.False(squatterMe.GetProperty("googleLinked").GetBoolean());
    }

    [Fact]
    public async Task An_unverified_google_email_does_not_take_over_an_existing_account()
    {
        var user = await api.NewUserAsync();
        await api.VerifyEmailAsync(user.Email);

        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/google",
            new { idToken = cluster.IdToken("g-" + Guid.NewGuid(), user.Email, emailVerified: false) });
        var me = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(me.GetProperty("googleLinked").GetBoolean());
    }

    [Fact]
    public async Task A_signed_in_user_links_google_from_the_profile_and_then_signs_in_with_it()
    {
        var user = await api.NewUserAsync();
        var subject = "g-" + Guid.NewGuid();
        var idToken = cluster.IdToken(subject, user.Email);

        var linked = await api.SendAsync(HttpMethod.Post, "/api/users/me/google", new { idToken }, user.AccessToken);
        var other = await api.NewUserAsync();
        var takenByOther = await api.SendAsync(HttpMethod.Post, "/api/users/me/google", new { idToken }, other.AccessToken);
        var signIn = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(linked)).GetProperty("googleLinked").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, takenByOther.StatusCode);
        Assert.Equal(user.Id, (await MeAsync(signIn)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Wrong_audience_bad_signature_and_expired_tokens_are_refused()
    {
        var subject = "g-" + Guid.NewGuid().ToString("N");
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = cluster.GoogleKey.KeyId };

        var wrongAudience = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = cluster.IdToken(subject, audience: "someone-else") });
        var badSignature = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = cluster.IdToken(subject, signingKey: stranger) });
        var expired = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = cluster.IdToken(subject, expires: DateTime.UtcNow.AddMinutes(-10)) });
        var garbage = await api.SendAsync(HttpMethod.Post, "/api/auth/google", new { idToken = "garbage" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badSignature.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    private async Task<System.Text.Json.JsonElement> MeAsync(HttpResponseMessage signIn)
    {
        var tokens = Tokens.From(await ApiClient.ReadJsonAsync(signIn));
        return await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/users/me", token: tokens.AccessToken));
    }
}
