using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.PhoneMedia;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>
/// An iPhone's HEVC video and Live Photo in a real browser: poster tile with its length, then the rendition plays;
/// the Live Photo's two files are one tile whose viewer plays the motion.
/// </summary>
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

    [Fact]
    public async Task A_live_photo_pair_is_one_tile_whose_viewer_plays_the_motion()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        var identifier = LivePhotoFixtures.NewIdentifier();
        var still = folder.File("IMG_0009.HEIC");
        var motion = folder.File("IMG_0009.MOV");
        await File.WriteAllBytesAsync(still, await LivePhotoFixtures.StillHeicAsync(folder, identifier));
        await File.WriteAllBytesAsync(motion, await LivePhotoFixtures.MotionMovAsync(folder, identifier));

        // The picker sends the two files as two requests at once: they still meet as one photo.
        await user.UploadAsync(still, motion);
        await user.Page.ReloadAsync();
        await user.ExpectImagesRenderedAsync("main .grid .tile img", 1);
        await Expect(user.Page.Locator("main .grid .live-badge")).ToHaveCountAsync(1);

        for (var started = DateTime.UtcNow; ;)
        {
            await user.OpenTileAsync("IMG_0009.HEIC");
            if (await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Play Live Photo" }).CountAsync() > 0)
            {
                break;
            }
            await Expect(user.Viewer.Locator(".playback-note")).ToContainTextAsync("being prepared");
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(5), "the motion's rendition was still pending after 5 minutes");
            await user.CloseViewerAsync();
            await Task.Delay(500);
            await user.Page.ReloadAsync();
        }
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Play Live Photo" }).ClickAsync();
        await user.Page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('dialog#viewer video'); return v && v.readyState >= 2 && v.duration > 0 && v.videoWidth === 320; }");
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
