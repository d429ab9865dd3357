using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>An album's link made on the album page, and what its visitor can do: step through it and download it all.</summary>
public sealed class SharedAlbumPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    private readonly ApiClient api = new(cluster);

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_visitor_steps_through_the_album_with_arrow_keys_and_downloads_it_all_without_camera_details(string screen)
    {
        var owner = await api.NewUserAsync();
        var album = (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Walk" }, owner.AccessToken)))
            .GetProperty("id").GetString()!;
        var camera = ("exif-ifd0-Model", "Pixelmaster 9");
        await Uploads.SendAsync(api, owner.AccessToken, album,
            ("a-2019.jpg", DatedPhotos.Bytes("coffee.jpg", "2019:04:01 10:00:00", camera)),
            ("c-2021.jpg", DatedPhotos.Bytes("chelsea.jpg", "2021:04:01 10:00:00", camera)),
            ("b-2020.jpg", DatedPhotos.Bytes("rocket.jpg", "2020:04:01 10:00:00", camera)));
        await api.SendAsync(HttpMethod.Patch, $"/api/albums/{album}", new { sort = "taken-asc" }, owner.AccessToken);
        var user = await UserJourney.SignInAsync(cluster, Screen.Named(screen), owner.Email, ApiClient.Password);
        await user.Page.GotoAsync($"/#/albums/{album}");
        await user.Page.GetByText("Share this album").ClickAsync();
        await user.Button("Create link").ClickAsync();
        var link = await user.Page.Locator(".share-result").GetByLabel("Share link").InputValueAsync();
        await user.Page.ReloadAsync();
        await user.Page.GetByText("Share this album").ClickAsync();
        await Expect(user.Page.Locator(".album-links").GetByLabel("Share link")).ToHaveValueAsync(link);

        var visitor = new UserJourney(await cluster.NewPageAsync(Screen.Named(screen)));
        await visitor.Page.GotoAsync(link);
        await Expect(visitor.Heading("Walk")).ToBeVisibleAsync();
        await visitor.ExpectImagesRenderedAsync("main .grid img", 3);
        await visitor.Page.Locator("main .tile").First.ClickAsync();
        await Expect(visitor.Viewer.Locator("h2#viewer-title")).ToHaveTextAsync("a-2019.jpg");
        await visitor.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(visitor.Viewer.Locator("h2#viewer-title")).ToHaveTextAsync("b-2020.jpg");
        await visitor.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(visitor.Viewer.Locator("figure img")).ToHaveAttributeAsync("alt", "c-2021.jpg");
        await visitor.ExpectImagesRenderedAsync("dialog#viewer figure img", 1);
        await Expect(visitor.Viewer.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();
        await visitor.Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(visitor.Viewer.Locator("h2#viewer-title")).ToHaveTextAsync("b-2020.jpg");
        await visitor.Viewer.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await Expect(visitor.Viewer.Locator("h2#viewer-title")).ToHaveTextAsync("a-2019.jpg");
        await visitor.CloseViewerAsync();

        var download = await visitor.Page.RunAndWaitForDownloadAsync(() => visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Download all" }).ClickAsync());
        var entries = await ZipEntries.ReadAsync(File.OpenRead(await download.PathAsync()));

        Assert.Equal("Walk.zip", download.SuggestedFilename);
        Assert.Equal(["a-2019.jpg", "b-2020.jpg", "c-2021.jpg"], entries.Keys.Order());
        Assert.All(entries.Values, bytes => Assert.True(bytes.AsSpan().IndexOf("Pixelmaster"u8) < 0, "a visitor's copy names the camera"));
        user.AssertNoScriptErrors();
        visitor.AssertNoScriptErrors();
    }
}
