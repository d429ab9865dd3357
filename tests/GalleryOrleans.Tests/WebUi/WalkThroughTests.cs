using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>
/// One walk through the whole app as a new user, at desktop and phone size, recording the browser console: any
/// console error, uncaught exception or response of 400 or more fails it. A screenshot of every page goes into
/// walk-screenshots/ in the test output folder (kept as CI artifacts).
/// </summary>
public sealed class WalkThroughTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_full_walk_logs_no_console_error_and_no_failed_request(string screen)
    {
        var shots = Path.Combine(AppContext.BaseDirectory, "walk-screenshots", screen);
        Directory.CreateDirectory(shots);
        var page = await cluster.NewPageAsync(Screen.Named(screen));
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        var user = new UserJourney(page);
        var step = 0;
        async Task ShotAsync(string name) =>
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"{++step:D2}-{name}.png"), FullPage = true });

        await page.GotoAsync("/");
        await Expect(user.Heading("Sign in")).ToBeVisibleAsync();
        await ShotAsync("sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await user.FillSignUpAsync(UserJourney.Password);
        await Expect(user.Heading("Library")).ToBeVisibleAsync();
        var folder = Path.Combine(cluster.DataDirectory, "walk-" + Guid.NewGuid().ToString("N")[..8]);
        await user.UploadAsync(
            DatedPhotos.Write(folder, "harbour.jpg", "coffee.jpg", "2022:06:01 09:00:00"),
            DatedPhotos.Write(folder, "market.jpg", "rocket.jpg", "2022:06:01 11:00:00"),
            DatedPhotos.Write(folder, "snow.jpg", "chelsea.jpg", "2021:01:10 15:00:00"));
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        await page.ReloadAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        await ShotAsync("library");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Jump to month" }).GetByRole(AriaRole.Button).Last.ClickAsync();
        await Expect(page.Locator("main section.month[data-month='2021-01'] > h2")).ToBeInViewportAsync();

        await user.OpenTileAsync("market.jpg");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(user.Viewer.Locator("h2#viewer-title")).ToHaveTextAsync("harbour.jpg");
        await user.ExpectImagesRenderedAsync("dialog#viewer figure img", 1);
        await ShotAsync("viewer");
        await user.CloseViewerAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select snow.jpg" }).ClickAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Selection" }).GetByRole(AriaRole.Button, new() { Name = "Add to album" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add to album" });
        await dialog.GetByLabel("Album", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "New album…" });
        await dialog.GetByLabel("New album name").FillAsync("Winter");
        await ShotAsync("add-to-album");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("Added 1 item to Winter.");

        foreach (var (link, heading) in new[] { ("Search", "Search"), ("Favourites", "Favourites"), ("Albums", "Albums"), ("Shares", "Shared links"), ("Similar photos", "Similar photos"), ("Settings", "Settings") })
        {
            await user.NavigateAsync(link);
            await Expect(user.Heading(heading)).ToBeVisibleAsync();
            await Expect(page.Locator("main")).Not.ToHaveAttributeAsync("aria-busy", "true");
            await ShotAsync(link.ToLowerInvariant().Replace(' ', '-'));
        }
        await page.GotoAsync("/#/search?q=snow");
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        await ShotAsync("search-results");
        await user.NavigateAsync("Albums");
        await page.GetByRole(AriaRole.Link, new() { Name = "Winter" }).ClickAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        await ShotAsync("album");
        await user.Button("Add photos").ClickAsync();
        var picker = page.GetByRole(AriaRole.Dialog, new() { Name = "Add photos to Winter" });
        await picker.GetByRole(AriaRole.Button, new() { Name = "harbour.jpg", Exact = true }).ClickAsync();
        await ShotAsync("add-photos");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Add to album" }).ClickAsync();
        await Expect(page.Locator("main .album-size")).ToHaveTextAsync("2 items");
        await page.GetByLabel("Sort").SelectOptionAsync(new SelectOptionValue { Label = "Oldest first" });
        await Expect(user.Status).ToHaveTextAsync("Sorted: Oldest first.");
        await user.OpenTileAsync("harbour.jpg");
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Set as album cover" }).ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("This photo is now the album cover.");
        await user.CloseViewerAsync();
        await page.GetByText("Share this album").ClickAsync();
        await user.Button("Create link").ClickAsync();
        var shareLink = await page.Locator(".share-result").GetByLabel("Share link").InputValueAsync();
        await ShotAsync("album-shared");

        await page.GotoAsync(shareLink);
        await user.ExpectImagesRenderedAsync("main .grid img", 2);
        await page.Locator("main .tile").First.ClickAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(user.Viewer.Locator("h2#viewer-title")).ToHaveTextAsync("harbour.jpg");
        await user.ExpectImagesRenderedAsync("dialog#viewer figure img", 1);
        await ShotAsync("shared-album-viewer");
        await user.CloseViewerAsync();
        await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download all" }).ClickAsync());

        Assert.Empty(consoleErrors);
        Assert.Empty(user.FailedRequests);
        user.AssertNoScriptErrors();
    }
}
