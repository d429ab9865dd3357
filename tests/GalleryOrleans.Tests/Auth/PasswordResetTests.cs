using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
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

    [Fact]
    public async Task A_reset_revokes_every_access_key_and_the_presigned_urls_signed_with_them_and_says_how_many()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var email = s3.User.Email;
        await api.SendAsync(HttpMethod.Post, "/api/auth/keys", new { name = "second" }, s3.User.AccessToken);
        var bucket = "reset-" + Guid.NewGuid().ToString("N")[..12];
        await s3.Client.PutBucketAsync(bucket);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "photo.txt", ContentBody = "hello" });
        var presigned = await s3.Client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = "photo.txt",
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddHours(1),
            Protocol = Protocol.HTTP,
        });
        using var http = new HttpClient();
        var before = await http.GetAsync(presigned);

        await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email });
        var token = api.TokenFromEmail(email, "reset-password");
        var reset = await api.SendAsync(HttpMethod.Post, "/api/auth/reset-password", new { token, newPassword = "Brand-New-Pass-7" });
        var after = await http.GetAsync(presigned);
        var sdkError = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.Client.ListBucketsAsync());
        var tokens = await api.LoginAsync(email, "Brand-New-Pass-7");
        var keys = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/auth/keys", token: tokens.AccessToken));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("revokes your 2 S3 access keys", api.EmailContaining(email, "Reset your GalleryOrleans password"));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal("2", Assert.Single(reset.Headers.GetValues("X-Revoked-Access-Keys")));
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sdkError.StatusCode);
        Assert.Equal(0, keys.GetProperty("items").GetArrayLength());
        Assert.Contains("2 S3 access keys were revoked", api.EmailContaining(email, "password was reset"));
    }
}
