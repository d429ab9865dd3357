namespace GalleryOrleans.Tests.WebUi;

/// <summary>A <see cref="BrowserCluster"/> whose gateway has a Google client id, so the pages offer Google.</summary>
public sealed class GoogleBrowserCluster : BrowserCluster
{
    public const string ClientId = "gallery-browser-test.apps.googleusercontent.com";

    protected override IDictionary<string, string?> CommonSettings()
    {
        var settings = base.CommonSettings();
        settings["Google:ClientId"] = ClientId;
        return settings;
    }
}
