using System.IO.Compression;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>Selecting several photos (click and shift-click, or a long press on a phone) and acting on all at once.</summary>
public sealed class SelectionPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    private static ILocator Bar(UserJourney user) => user.Page.GetByRole(AriaRole.Region, new() { Name = "Selection" });

    private static ILocator Tile(UserJourney user, string name) =>
        user.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>What a finger does: press on the tile, hold, let go.</summary>
    private static async Task LongPressAsync(ILocator tile)
    {
        var touch = new Dictionary<string, object> { ["pointerType"] = "touch", ["isPrimary"] = true, ["bubbles"] = true };
        await tile.DispatchEventAsync("pointerdown", touch);
        await Task.Delay(800);
        await tile.DispatchEventAsync("pointerup", touch);
        await tile.DispatchEventAsync("click");
    }

    /// <summary>Selects the first and the last of the names, and everything between: shift-click on a desktop, taps after a long press on a phone.</summary>
    private static async Task SelectAsync(UserJourney user, bool phone, params string[] names)
    {
        if (phone)
        {
            await LongPressAsync(Tile(user, names[0]));
            foreach (var name in names[1..])
            {
                await Tile(user, name).TapAsync();
            }
            return;
        }
        await user.Page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {names[0]}" }).ClickAsync();
        if (names.Length > 1)
        {
            await Tile(user, names[^1]).ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        }
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Three_photos_selected_at_once_go_into_a_new_album(string screen)
    {
        var phone = screen == "phone";
        var user = await UserJourney.SignUpAsync(cluster, Screen.Named(screen));
        await user.UploadAsync(UserJourney.Samples("coffee.jpg", "rocket.jpg", "chelsea.jpg", "fruits.jpg"));
        await user.ExpectImagesRenderedAsync("main .grid img", 4);
        var names = await user.TileNamesAsync();

        await SelectAsync(user, phone, names[0], names[1], names[2]);
        await Expect(Bar(user)).ToContainTextAsync("3 selected");
        await Expect(user.Page.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(3);
        await Bar(user).GetByRole(AriaRole.Button, new() { Name = "Add to album" }).ClickAsync();
        var dialog = user.Page.GetByRole(AriaRole.Dialog, new() { Name = "Add to album" });
        await dialog.GetByLabel("Album", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "New album…" });
        await dialog.GetByLabel("New album name").FillAsync("Trip");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();

        await Expect(user.Status).ToHaveTextAsync("Added 3 items to Trip.");
        await Expect(Bar(user)).ToBeHiddenAsync();
        await user.NavigateAsync("Albums");
        await user.Page.GetByRole(AriaRole.Link, new() { Name = "Trip" }).ClickAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        Assert.Equal(names[..3].Order(), (await user.TileNamesAsync()).Order());
        user.AssertNoScriptErrors();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Selected_photos_download_as_one_zip_then_get_favourited_and_deleted(string screen)
    {
        var phone = screen == "phone";
        var user = await UserJourney.SignUpAsync(cluster, Screen.Named(screen));
        await user.UploadAsync(UserJourney.Samples("coffee.jpg", "rocket.jpg", "astronaut.jpg"));
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        var names = await user.TileNamesAsync();

        await SelectAsync(user, phone, names[0], names[1]);
        var download = await user.Page.RunAndWaitForDownloadAsync(() => Bar(user).GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        var zipPath = Path.Combine(cluster.DataDirectory, Guid.NewGuid().ToString("N") + ".zip");
        await download.SaveAsAsync(zipPath);
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.Equal(names[..2].Order(), zip.Entries.Select(entry => entry.FullName).Order());
        }
        Assert.EndsWith(".zip", download.SuggestedFilename);

        await SelectAsync(user, phone, names[2]);
        await Bar(user).GetByRole(AriaRole.Button, new() { Name = "Favourite" }).ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("Added 1 item to favourites.");
        await Expect(user.Page.Locator($"main li:has(img[alt='{names[2]}']) .badge")).ToBeVisibleAsync();

        await SelectAsync(user, phone, names[0], names[1]);
        await Bar(user).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).Last.ClickAsync();
        await Expect(user.Tiles).ToHaveCountAsync(1);
        await user.Page.ReloadAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        Assert.Equal([names[2]], await user.TileNamesAsync());
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_selection_shares_as_a_new_link_that_opens_for_a_visitor()
    {
        var user = await UserJourney.SignUpAsync(cluster, Screen.Desktop);
        await user.UploadAsync(UserJourney.Samples("coffee.jpg", "rocket.jpg"));
        await user.ExpectImagesRenderedAsync("main .grid img", 2);
        var names = await user.TileNamesAsync();

        await SelectAsync(user, phone: false, names[0], names[1]);
        await Bar(user).GetByRole(AriaRole.Button, new() { Name = "Share" }).ClickAsync();
        var link = await user.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share link" }).GetByLabel("Share link").InputValueAsync();
        var visitor = new UserJourney(await cluster.NewPageAsync());
        await visitor.Page.GotoAsync(link);

        await visitor.ExpectImagesRenderedAsync("main .grid img", 2);
        user.AssertNoScriptErrors();
        visitor.AssertNoScriptErrors();
    }
}
