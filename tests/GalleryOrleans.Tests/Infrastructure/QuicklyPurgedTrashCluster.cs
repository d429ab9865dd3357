namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A cluster whose trash keeps deleted media for three seconds instead of thirty days.</summary>
public sealed class QuicklyPurgedTrashCluster : GalleryCluster
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(3);

    protected override IDictionary<string, string?> CommonSettings() => new Dictionary<string, string?>(base.CommonSettings())
    {
        ["Trash:Retention"] = Retention.ToString(),
    };
}
