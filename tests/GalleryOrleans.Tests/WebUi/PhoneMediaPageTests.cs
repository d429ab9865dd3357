using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.PhoneMedia;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>An iPhone's HEVC video in a real browser: poster tile with its length, then the rendition plays.</summary>
public sealed class PhoneMediaPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>, IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task An_hevc_video_shows_its_poster_and_length_then_plays_its_rendition_in_the_viewer()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        var path = folder.File("IMG_0003.MOV");
        await File.WriteAllBytesAsync(path, await PhoneFixtures.HevcMovAsync(folder));
        var playbackRequests = new List<string>();
        user.Page.Request += (_, request) =>
        {
            // The video element streams the signed address itself, asking for byte ranges.
            if (request.Url.Contains("/stream?", StringComparison.Ordinal) && request.Headers.ContainsKey("range"))
            {
                lock (playbackRequests)
                {
                    playbackRequests.Add(request.Url);
                }
            }
        };

        await user.UploadAsync(path);
        await user.ExpectImagesRenderedAsync("main .grid .video-tile img", 1);
        await Expect(user.Page.Locator("main .grid .video-tile .duration")).ToHaveTextAsync("0:02");

        // Chromium cannot play HEVC; the viewer waits for the H.264 rendition, which a reload picks up once made.
        for (var started = DateTime.UtcNow; await OpenVideoAsync(user) is false;)
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(5), "the rendition was still pending after 5 minutes");
            await user.Page.ReloadAsync();
        }
        await user.Page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('dialog#viewer video'); return v && v.readyState >= 2 && v.duration > 0 && v.videoWidth === 240 && v.videoHeight === 320; }");
        lock (playbackRequests)
        {
            Assert.NotEmpty(playbackRequests);
        }
        user.AssertNoScriptErrors();
    }

    private static async Task<bool> OpenVideoAsync(UserJourney user)
    {
        await user.OpenTileAsync("IMG_0003.MOV");
        if (await user.Viewer.Locator("video").CountAsync() > 0)
        {
            return true;
        }
        await Expect(user.Viewer.Locator(".playback-note")).ToContainTextAsync("being prepared");
        await user.CloseViewerAsync();
        await Task.Delay(500);
        return false;
    }
}
