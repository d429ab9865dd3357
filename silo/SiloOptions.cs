namespace GalleryOrleans.Silo;

/// <summary>Settings of one silo, bound from the "Orleans" configuration section.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "gallery";
    public string ServiceId { get; set; } = "gallery";
    public string? SiloName { get; set; }
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this one; loopback when unset.</summary>
    public string? AdvertisedIp { get; set; }
}
