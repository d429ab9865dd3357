using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

public sealed class MailOutageTests(HungMailServerCluster cluster) : IClassFixture<HungMailServerCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Sign_up_forgot_password_and_resend_answer_at_once_while_the_mail_server_hangs()
    {
        var user = await api.NewUserAsync();

        var known = await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = user.Email });
        var unknown = await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = $"ghost{Guid.NewGuid():N}@example.com" });
        var resend = await api.SendAsync(HttpMethod.Post, "/api/auth/resend-verification", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
    }
}
