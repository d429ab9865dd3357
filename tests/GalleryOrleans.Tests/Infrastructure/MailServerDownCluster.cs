namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A database and settings, and no silo: the test runs the silo program, which sends mail to a port nobody answers yet.</summary>
public sealed class MailServerDownCluster() : GalleryCluster(siloCount: 0, withGateway: false)
{
    public int MailPort { get; } = FreePort.Next();

    protected override IDictionary<string, string?> CommonSettings()
    {
        var settings = base.CommonSettings();
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = MailPort.ToString();
        settings["Email:Smtp:AllowPlainText"] = "true";
        return settings;
    }
}
