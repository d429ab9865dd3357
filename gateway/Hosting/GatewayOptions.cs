namespace GalleryOrleans.Gateway.Hosting;

/// <summary>Listener and URL settings of the gateway, bound from the "Gateway" section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public int HttpPort { get; set; } = 8080;
    public int S3Port { get; set; } = 9000;

    /// <summary>Listen on loopback only (local runs and tests) instead of every interface.</summary>
    public bool LoopbackOnly { get; set; }

    /// <summary>Comma-separated addresses and CIDR ranges of the proxies whose X-Forwarded-For/-Proto are believed.</summary>
    public string? TrustedProxies { get; set; }
}
