using GalleryOrleans.Tests.Auth;

namespace GalleryOrleans.Tests.Infrastructure;

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
