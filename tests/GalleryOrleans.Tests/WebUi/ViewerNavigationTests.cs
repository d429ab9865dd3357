using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>The viewer steps through the timeline by arrow keys, buttons and swipes, and zooms.</summary>
public sealed class ViewerNavigationTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    private static ILocator Title(UserJourney user) => user.Viewer.Locator("h2#viewer-title");

    private static async Task<UserJourney> ThreeDatedPhotosAsync(BrowserCluster cluster, Screen screen)
    {
        var user = await UserJourney.SignUpAsync(cluster, screen);
        var folder = Path.Combine(cluster.DataDirectory, "viewer-" + Guid.NewGuid().ToString("N")[..8]);
        await user.UploadAsync(
            DatedPhotos.Write(folder, "first.jpg", "coffee.jpg", "2022:03:01 10:00:00"),
            DatedPhotos.Write(folder, "second.jpg", "rocket.jpg", "2021:03:01 10:00:00"),
            DatedPhotos.Write(folder, "third.jpg", "chelsea.jpg", "2020:03:01 10:00:00"));
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        return user;
    }

    [Fact]
    public async Task Arrow_keys_and_buttons_show_the_next_and_previous_photo_in_timeline_order()
    {
        var user = await ThreeDatedPhotosAsync(cluster, Screen.Desktop);

        await user.OpenTileAsync("second.jpg");
        await user.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Title(user)).ToHaveTextAsync("third.jpg");
        await user.ExpectImagesRenderedAsync("dialog#viewer figure img[alt='third.jpg']", 1);
        await Expect(user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();
        await user.Page.Keyboard.PressAsync("ArrowLeft");
        await user.Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(Title(user)).ToHaveTextAsync("first.jpg");
        await Expect(user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Previous" })).ToBeDisabledAsync();
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(Title(user)).ToHaveTextAsync("second.jpg");
        await user.ExpectImagesRenderedAsync("dialog#viewer figure img[alt='second.jpg']", 1);

        await user.Viewer.Locator("figure img").DblClickAsync();
        await Expect(user.Viewer.Locator("figure img")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("zoomed"));
        await Expect(user.Viewer.Locator("dl")).ToContainTextAsync("Mar 2021");
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task On_a_phone_a_swipe_left_shows_the_next_photo_and_right_the_previous()
    {
        var user = await ThreeDatedPhotosAsync(cluster, Screen.Phone);
        await user.OpenTileAsync("first.jpg");
        var figure = user.Viewer.Locator("figure");

        async Task SwipeAsync(int fromX, int toX)
        {
            const int y = 300;
            await figure.DispatchEventAsync("pointerdown", new Dictionary<string, object> { ["pointerType"] = "touch", ["clientX"] = fromX, ["clientY"] = y });
            await figure.DispatchEventAsync("pointerup", new Dictionary<string, object> { ["pointerType"] = "touch", ["clientX"] = toX, ["clientY"] = y });
        }

        await SwipeAsync(300, 60);
        await Expect(Title(user)).ToHaveTextAsync("second.jpg");
        await SwipeAsync(60, 300);
        await Expect(Title(user)).ToHaveTextAsync("first.jpg");
        var viewerWidth = (await user.Viewer.BoundingBoxAsync())!.Width;
        Assert.True(viewerWidth >= 370, $"The viewer is {viewerWidth}px wide on a 390px phone.");
        user.AssertNoScriptErrors();
    }
}
