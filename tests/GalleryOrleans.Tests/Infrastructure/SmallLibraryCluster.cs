namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A cluster whose library grains hold only the 3 newest albums and media, so pages cross into the catalog.</summary>
public sealed class SmallLibraryCluster : GalleryCluster
{
    protected override IDictionary<string, string?> CommonSettings() =>
        new Dictionary<string, string?>(base.CommonSettings()) { ["Library:WindowSize"] = "3" };
}
