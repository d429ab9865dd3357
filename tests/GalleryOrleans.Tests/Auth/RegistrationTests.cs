using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

public sealed class RegistrationTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Register_returns_the_user_without_secrets_and_sends_a_verification_email()
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/register", new
        {
            username = "ada_l",
            email = "ada@example.com",
            password = ApiClient.Password,
            firstName = "Ada",
            lastName = "Lovelace",
            phoneNumber = "+44 20 1234",
            birthDate = "1815-12-10",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var user = JsonDocument.Parse(text).RootElement;
        Assert.Equal("ada_l", user.GetProperty("username").GetString());
        Assert.Equal("ada@example.com", user.GetProperty("email").GetString());
        Assert.False(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal("1815-12-10", user.GetProperty("birthDate").GetString());
        Assert.False(user.GetProperty("googleLinked").GetBoolean());
        Assert.EndsWith("Z", user.GetProperty("createdAt").GetString());
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("$2", text);
        Assert.NotNull(api.TokenFromEmail("ada@example.com", "verify-email"));
    }

    [Fact]
    public async Task Verification_link_marks_the_email_verified_once()
    {
        var user = await api.NewUserAsync();
        var token = api.TokenFromEmail(user.Email, "verify-email");

        var first = await api.SendAsync(HttpMethod.Post, "/api/auth/verify-email", new { token });
        var second = await api.SendAsync(HttpMethod.Post, "/api/auth/verify-email", new { token });
        var me = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True(me.GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task Taken_email_or_username_is_a_conflict()
    {
        var user = await api.NewUserAsync();

        var sameEmail = await api.SendAsync(HttpMethod.Post, "/api/auth/register",
            new { username = "other" + Guid.NewGuid().ToString("N")[..6], email = user.Email.ToUpperInvariant(), password = ApiClient.Password });
        var sameUsername = await api.SendAsync(HttpMethod.Post, "/api/auth/register",
            new { username = user.Username, email = $"x{Guid.NewGuid():N}@example.com", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Conflict, sameEmail.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, sameUsername.StatusCode);
        Assert.Equal("application/problem+json", sameEmail.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Concurrent_registrations_with_one_email_give_exactly_one_account()
    {
        var email = $"race{Guid.NewGuid():N}@example.com";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => api.SendAsync(HttpMethod.Post, "/api/auth/register",
            new { username = $"racer{i}{Guid.NewGuid().ToString("N")[..6]}", email, password = ApiClient.Password })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var login = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task A_failed_registration_leaves_the_username_free()
    {
        var user = await api.NewUserAsync();
        var username = "free" + Guid.NewGuid().ToString("N")[..8];

        var refused = await api.SendAsync(HttpMethod.Post, "/api/auth/register", new { username, email = user.Email, password = ApiClient.Password });
        var accepted = await api.SendAsync(HttpMethod.Post, "/api/auth/register",
            new { username, email = $"{username}@example.com", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory]
    [InlineData("{\"username\":", "body")]
    [InlineData("[1,2]", "body")]
    [InlineData("{\"email\":\"a@example.com\",\"password\":\"Correct-Horse-9\"}", "username")]
    [InlineData("{\"username\":\"okname\",\"password\":\"Correct-Horse-9\"}", "email")]
    [InlineData("{\"username\":\"okname\",\"email\":\"not-an-email\",\"password\":\"Correct-Horse-9\"}", "email")]
    [InlineData("{\"username\":\"okname\",\"email\":\"a@example.com\",\"password\":\"short1\"}", "password")]
    [InlineData("{\"username\":\"okname\",\"email\":\"a@example.com\",\"password\":\"aaaaaaaaaaaa\"}", "password")]
    [InlineData("{\"username\":\"a b\",\"email\":\"a@example.com\",\"password\":\"Correct-Horse-9\"}", "username")]
    [InlineData("{\"username\":\"okname\",\"email\":\"a@example.com\",\"password\":\"Correct-Horse-9\",\"birthDate\":\"10/12/1815\"}", "birthDate")]
    [InlineData("{\"username\":\"okname\",\"email\":\"a@example.com\",\"password\":\"Correct-Horse-9\",\"phoneNumber\":\"call me\"}", "phoneNumber")]
    [InlineData("{\"username\":\"okname\",\"email\":\"a@example.com\",\"password\":12345678}", "password")]
    public async Task Bad_registration_bodies_get_field_errors_and_create_nothing(string json, string field)
    {
        var response = await api.PostJsonTextAsync("/api/auth/register", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.ReadJsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        var login = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = "a@example.com", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Too_long_values_are_refused()
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/register", new
        {
            username = "longname",
            email = "long@example.com",
            password = new string('x', 120) + "Y1234567890",
            firstName = new string('a', 101),
        });

        var problem = await ApiClient.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("firstName", out _));
    }

    [Fact]
    public async Task Wrong_content_type_is_an_unsupported_media_type_problem()
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/auth/register", new StringContent("username=x"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class EmailLinkPageTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Theory]
    [InlineData("verify-email", "/api/auth/verify-email")]
    [InlineData("reset-password", "/api/auth/reset-password")]
    public async Task The_pages_email_links_open_are_served_and_post_to_the_api(string page, string apiRoute)
    {
        var user = await api.NewUserAsync();
        await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = user.Email });
        var token = api.TokenFromEmail(user.Email, page);

        var response = await api.Http.GetAsync($"/{page}?token={Uri.EscapeDataString(token)}");
        var html = await response.Content.ReadAsStringAsync();
        var script = await api.Http.GetStringAsync($"/js/{page}.js");
        var me = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"src=\"/js/{page}.js\"", html);
        Assert.Contains(apiRoute, script);
        Assert.False(me.GetProperty("emailVerified").GetBoolean()); // opening the page alone changes nothing
    }
}
