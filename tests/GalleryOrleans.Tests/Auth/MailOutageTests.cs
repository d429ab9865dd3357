using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

/// <summary>A cluster whose silo sends mail by SMTP to a server that accepts connections and then never answers.</summary>
public sealed class HungMailServerCluster() : GalleryCluster(siloCount: 1, withGateway: true)
{
    public FakeSmtpServer MailServer { get; } = new(silent: true);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await MailServer.DisposeAsync();
    }

    protected override IDictionary<string, string?> CommonSettings()
    {
        var settings = base.CommonSettings();
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = MailServer.Port.ToString();
        return settings;
    }
}

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
