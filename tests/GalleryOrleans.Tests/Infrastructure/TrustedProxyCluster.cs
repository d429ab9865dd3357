namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A gateway behind one trusted proxy, 127.0.0.2, with a sign-up limit low enough to reach.</summary>
public sealed class TrustedProxyCluster() : GalleryCluster(siloCount: 1, withGateway: true)
{
    public const string Proxy = "127.0.0.2";
    public const int SignUpsPerClient = 2;

    protected override IDictionary<string, string?> CommonSettings()
    {
        var settings = base.CommonSettings();
        settings["Gateway:TrustedProxies"] = $"{Proxy}, 10.0.0.0/8";
        settings["RateLimits:RegisterPerIp:Permits"] = SignUpsPerClient.ToString();
        return settings;
    }
}
