using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>Finding photos by a word and by dates from the Search page, results shown as a timeline.</summary>
public sealed class SearchPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_word_finds_the_photo_by_its_name_and_dates_narrow_the_timeline(string screen)
    {
        var user = await UserJourney.SignUpAsync(cluster, Screen.Named(screen));
        var folder = Path.Combine(cluster.DataDirectory, "search-" + Guid.NewGuid().ToString("N")[..8]);
        await user.UploadAsync(
            DatedPhotos.Write(folder, "beach-2019.jpg", "coffee.jpg", "2019:08:03 10:00:00"),
            DatedPhotos.Write(folder, "beach-2021.jpg", "rocket.jpg", "2021:08:03 10:00:00"),
            DatedPhotos.Write(folder, "mountain.jpg", "chelsea.jpg", "2020:02:03 10:00:00"));

        await user.NavigateAsync("Search");
        await Expect(user.Heading("Search")).ToBeVisibleAsync();
        await user.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("beach");
        await user.Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await user.ExpectImagesRenderedAsync("main .grid img", 2);
        Assert.Equal(["beach-2021.jpg", "beach-2019.jpg"], await user.TileNamesAsync());
        await Expect(user.Page.Locator("main section.month > h2")).ToHaveTextAsync(["August 2021", "August 2019"]);

        await user.Page.GetByLabel("From", new() { Exact = true }).FillAsync("2019-01-01");
        await user.Page.GetByLabel("To", new() { Exact = true }).FillAsync("2019-12-31");
        await user.Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        Assert.Equal(["beach-2019.jpg"], await user.TileNamesAsync());

        await user.Page.ReloadAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        await Expect(user.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("beach");
        user.AssertNoScriptErrors();
    }
}
