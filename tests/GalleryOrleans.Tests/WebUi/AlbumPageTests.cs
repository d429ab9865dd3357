using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>An album's own page: adding photos from the timeline, its cover, its sort order.</summary>
public sealed class AlbumPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    private readonly ApiClient api = new(cluster);

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Add_photos_picks_from_the_timeline_and_the_album_counts_them(string screen)
    {
        var owner = await api.NewUserAsync();
        await Uploads.SendAsync(api, owner.AccessToken,
            ("pier.jpg", DatedPhotos.Bytes("coffee.jpg", "2023:08:01 10:00:00")),
            ("dunes.jpg", DatedPhotos.Bytes("rocket.jpg", "2023:08:02 10:00:00")),
            ("lighthouse.jpg", DatedPhotos.Bytes("chelsea.jpg", "2023:08:03 10:00:00")));
        var album = await AlbumAsync(owner, "Seaside");
        var user = await UserJourney.SignInAsync(cluster, Screen.Named(screen), owner.Email, ApiClient.Password);
        await user.Page.GotoAsync($"/#/albums/{album}");
        await Expect(user.Page.Locator("main .album-size")).ToHaveTextAsync("0 items");

        await user.Button("Add photos").ClickAsync();
        var picker = user.Page.GetByRole(AriaRole.Dialog, new() { Name = "Add photos to Seaside" });
        await picker.GetByRole(AriaRole.Button, new() { Name = "pier.jpg", Exact = true }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "lighthouse.jpg", Exact = true }).ClickAsync();
        await Expect(picker.GetByRole(AriaRole.Region, new() { Name = "Selection" })).ToContainTextAsync("2 selected");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Add to album" }).ClickAsync();

        await Expect(picker).ToBeHiddenAsync();
        await Expect(user.Status).ToHaveTextAsync("Added 2 items to Seaside.");
        await Expect(user.Page.Locator("main .album-size")).ToHaveTextAsync("2 items");
        await user.ExpectImagesRenderedAsync("main .grid img", 2);
        Assert.Equal(["lighthouse.jpg", "pier.jpg"], (await user.TileNamesAsync()).Order());
        await user.NavigateAsync("Albums");
        await Expect(user.Page.Locator(".album-card")).ToContainTextAsync("Seaside2 items");
        user.AssertNoScriptErrors();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_sort_orders_the_album_by_taken_date_and_the_chosen_cover_leads_the_album_list(string screen)
    {
        var owner = await api.NewUserAsync();
        var album = await AlbumAsync(owner, "Years");
        var upload = await Uploads.SendAsync(api, owner.AccessToken, album,
            ("2019.jpg", DatedPhotos.Bytes("coffee.jpg", "2019:04:01 10:00:00")),
            ("2023.jpg", DatedPhotos.Bytes("rocket.jpg", "2023:04:01 10:00:00")),
            ("2021.jpg", DatedPhotos.Bytes("chelsea.jpg", "2021:04:01 10:00:00")));
        var oldest = (await ApiClient.ReadJsonAsync(upload)).GetProperty("items")[0].GetProperty("id").GetString()!;
        var user = await UserJourney.SignInAsync(cluster, Screen.Named(screen), owner.Email, ApiClient.Password);
        await user.Page.GotoAsync($"/#/albums/{album}");
        await user.ExpectImagesRenderedAsync("main .grid img", 3);

        await user.Page.GetByLabel("Sort").SelectOptionAsync(new SelectOptionValue { Label = "Oldest first" });
        await Expect(user.Status).ToHaveTextAsync("Sorted: Oldest first.");
        Assert.Equal(["2019.jpg", "2021.jpg", "2023.jpg"], await user.TileNamesAsync());
        await user.Page.GetByLabel("Sort").SelectOptionAsync(new SelectOptionValue { Label = "Newest first" });
        await Expect(user.Status).ToHaveTextAsync("Sorted: Newest first.");
        Assert.Equal(["2023.jpg", "2021.jpg", "2019.jpg"], await user.TileNamesAsync());
        await user.Page.ReloadAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        Assert.Equal(["2023.jpg", "2021.jpg", "2019.jpg"], await user.TileNamesAsync());
        await Expect(user.Page.GetByLabel("Sort")).ToHaveValueAsync("taken");

        await user.OpenTileAsync("2019.jpg");
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Set as album cover" }).ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("This photo is now the album cover.");
        await user.CloseViewerAsync();
        var cover = await user.Page.RunAndWaitForRequestAsync(() => user.NavigateAsync("Albums"), request => request.Url.Contains("/thumbnail"));

        Assert.Contains($"/api/media/{oldest}/thumbnail", cover.Url);
        await user.ExpectImagesRenderedAsync(".album-card img", 1);
        await Expect(user.Page.Locator(".album-card")).ToContainTextAsync("Years3 items");
        user.AssertNoScriptErrors();
    }

    private async Task<string> AlbumAsync(SignedInUser owner, string name) =>
        (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name }, owner.AccessToken))).GetProperty("id").GetString()!;
}
