namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A gallery whose transcodes may take half a second: far less than 10 s of 1080p needs.</summary>
public sealed class ShortTranscodeCluster : GalleryCluster
{
    protected override IDictionary<string, string?> CommonSettings() =>
        new Dictionary<string, string?>(base.CommonSettings()) { ["Media:TranscodeTimeout"] = "00:00:00.5" };
}
