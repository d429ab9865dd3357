using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

public sealed class SessionTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Login_returns_a_bearer_token_pair_that_opens_the_profile()
    {
        var user = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = ApiClient.Password });
        var body = await ApiClient.ReadJsonAsync(response);
        var me = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: body.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt32());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Id, (await ApiClient.ReadJsonAsync(me)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Login_accepts_the_username_too()
    {
        var user = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Username, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var user = await api.NewUserAsync();

        var wrongPassword = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Email, password = "Wrong-Password-1" });
        var unknownEmail = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = "nobody@example.com", password = "Wrong-Password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(await Strip(wrongPassword), await Strip(unknownEmail));
    }

    [Fact]
    public async Task Requests_without_a_valid_token_get_401_problem_details()
    {
        var none = await api.SendAsync(HttpMethod.Get, "/api/users/me");
        var garbage = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Logout_ends_the_access_and_refresh_tokens_at_once()
    {
        var user = await api.NewUserAsync();
        var other = await api.LoginAsync(user.Email, ApiClient.Password);

        var logout = await api.SendAsync(HttpMethod.Post, "/api/auth/logout", token: user.AccessToken);
        var me = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken);
        var refresh = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = user.RefreshToken });
        var otherSession = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: other.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherSession.StatusCode);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_reusing_a_spent_one_ends_the_session()
    {
        var user = await api.NewUserAsync();

        var first = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = user.RefreshToken });
        var rotated = Tokens.From(await ApiClient.ReadJsonAsync(first));
        var reuse = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = user.RefreshToken });
        var afterReuse = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = rotated.RefreshToken });
        var me = await api.SendAsync(HttpMethod.Get, "/api/users/me", token: rotated.AccessToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(user.RefreshToken, rotated.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.secret")]
    public async Task Malformed_or_unknown_refresh_tokens_are_refused(string refreshToken)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/refresh", new { refreshToken });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Profile_can_be_updated_and_a_taken_username_is_a_conflict()
    {
        var user = await api.NewUserAsync();
        var other = await api.NewUserAsync();
        var newName = "renamed" + Guid.NewGuid().ToString("N")[..6];

        var patched = await api.SendAsync(HttpMethod.Patch, "/api/users/me",
            new { firstName = "Grace", birthDate = "1906-12-09", username = newName }, user.AccessToken);
        var taken = await api.SendAsync(HttpMethod.Patch, "/api/users/me", new { username = other.Username }, user.AccessToken);
        var bad = await api.SendAsync(HttpMethod.Patch, "/api/users/me", new { birthDate = "2999-01-01" }, user.AccessToken);
        var byNewName = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = newName, password = ApiClient.Password });
        var byOldName = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.Username, password = ApiClient.Password });

        var body = await ApiClient.ReadJsonAsync(patched);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Grace", body.GetProperty("firstName").GetString());
        Assert.Equal(newName, body.GetProperty("username").GetString());
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byNewName.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byOldName.StatusCode);
    }

    private static async Task<string> Strip(HttpResponseMessage response)
    {
        var body = await ApiClient.ReadJsonAsync(response);
        return $"{body.GetProperty("status")}|{body.GetProperty("title")}|{body.GetProperty("detail")}";
    }
}
