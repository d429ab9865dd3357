namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A cluster whose users may store 400 kB each (Storage:UserQuotaBytes).</summary>
public sealed class QuotaCluster : GalleryCluster
{
    public const long QuotaBytes = 400_000;

    protected override IDictionary<string, string?> CommonSettings() =>
        new Dictionary<string, string?>(base.CommonSettings()) { ["Storage:UserQuotaBytes"] = QuotaBytes.ToString() };
}
