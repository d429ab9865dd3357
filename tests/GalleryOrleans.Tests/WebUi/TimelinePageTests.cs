using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>The library as a timeline by taken date, its month list and continuous loading, on a desktop and a phone.</summary>
public sealed class TimelinePageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Photos_are_grouped_by_month_and_day_newest_taken_first_and_a_reload_fails_no_request(string screen)
    {
        var user = await UserJourney.SignUpAsync(cluster, Screen.Named(screen));
        var folder = Path.Combine(cluster.DataDirectory, "timeline-" + Guid.NewGuid().ToString("N")[..8]);
        await user.UploadAsync(
            DatedPhotos.Write(folder, "may-2019-morning.jpg", "coffee.jpg", "2019:05:01 08:00:00"),
            DatedPhotos.Write(folder, "jul-2021.jpg", "rocket.jpg", "2021:07:14 18:30:05"),
            DatedPhotos.Write(folder, "may-2019-evening.jpg", "chelsea.jpg", "2019:05:01 19:00:00"),
            DatedPhotos.Write(folder, "feb-2020.jpg", "astronaut.jpg", "2020:02:29 12:00:00"));
        string[] expected = ["jul-2021.jpg", "feb-2020.jpg", "may-2019-evening.jpg", "may-2019-morning.jpg"];
        await Expect(user.Page.Locator("main section.month > h2")).ToHaveTextAsync(["July 2021", "February 2020", "May 2019"]);
        Assert.Equal(expected, await user.TileNamesAsync());

        user.ForgetFailedRequests();
        await user.Page.ReloadAsync();

        await user.ExpectImagesRenderedAsync("main .grid img", 4);
        await Expect(user.Page.Locator("main section.month > h2")).ToHaveTextAsync(["July 2021", "February 2020", "May 2019"]);
        var mayDays = user.Page.Locator("main section.month[data-month='2019-05'] section.day h3");
        await Expect(mayDays).ToHaveCountAsync(1);
        await Expect(mayDays).ToContainTextAsync("1 May 2019");
        Assert.Equal(expected, await user.TileNamesAsync());
        Assert.Empty(user.FailedRequests);
        user.AssertNoScriptErrors();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_long_library_loads_while_scrolling_and_the_month_list_jumps_to_the_oldest_month(string screen)
    {
        // More than one page, over 22 months.
        var owner = await LongLibraryAsync(130, daysApart: 5);
        var oldest = Newest.AddDays(-5 * 129);

        var user = await UserJourney.SignInAsync(cluster, Screen.Named(screen), owner.Email, ApiClient.Password);

        await Expect(user.Page.Locator("main section.month > h2").First).ToHaveTextAsync("December 2024");
        var months = user.Page.GetByRole(AriaRole.Navigation, new() { Name = "Jump to month" }).GetByRole(AriaRole.Button);
        await Expect(months).ToHaveCountAsync(22);
        await user.Page.Locator("main .timeline-end").ScrollIntoViewIfNeededAsync();
        await user.Page.Mouse.WheelAsync(0, 100_000);
        await Expect(user.Tiles).ToHaveCountAsync(130, new() { Timeout = 60_000 });
        await user.Page.Mouse.WheelAsync(0, -1_000_000);
        await months.Last.ClickAsync();
        var oldestMonth = user.Page.Locator($"main section.month[data-month='{oldest:yyyy-MM}'] > h2");
        await Expect(oldestMonth).ToBeInViewportAsync();
        Assert.Equal("p129.jpg", (await user.TileNamesAsync())[^1]);
        user.AssertNoScriptErrors();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_jump_to_an_old_month_loads_it_at_once_and_scrolling_up_brings_back_the_newer_months(string screen)
    {
        // More than two pages, over 26 months.
        var owner = await LongLibraryAsync(260, daysApart: 3);
        var user = await UserJourney.SignInAsync(cluster, Screen.Named(screen), owner.Email, ApiClient.Password);
        var newestMonth = user.Page.Locator("main section.month[data-month='2024-12'] > h2");
        await Expect(newestMonth).ToBeVisibleAsync();

        await user.Page.GetByRole(AriaRole.Navigation, new() { Name = "Jump to month" }).GetByRole(AriaRole.Button).Last.ClickAsync();

        var oldestMonth = user.Page.Locator($"main section.month[data-month='{Newest.AddDays(-3 * 259):yyyy-MM}'] > h2");
        await Expect(oldestMonth).ToBeInViewportAsync();
        await Expect(newestMonth).ToHaveCountAsync(0);
        for (var scroll = 0; scroll < 200 && await newestMonth.CountAsync() == 0; scroll++)
        {
            await user.Page.Mouse.WheelAsync(0, -1500);
            await user.Page.WaitForTimeoutAsync(100);
        }
        await Expect(newestMonth).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(user.Tiles).ToHaveCountAsync(260, new() { Timeout = 30_000 });
        Assert.Equal(Enumerable.Range(0, 260).Select(i => $"p{i:D3}.jpg"), await user.TileNamesAsync());
        user.AssertNoScriptErrors();
    }

    private static readonly DateTime Newest = new(2024, 12, 30, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A new user with <paramref name="count"/> photos p000, p001, ... taken every <paramref name="daysApart"/> days back from <see cref="Newest"/>.</summary>
    private async Task<SignedInUser> LongLibraryAsync(int count, int daysApart)
    {
        var api = new ApiClient(cluster);
        var owner = await api.NewUserAsync();
        var photos = Enumerable.Range(0, count)
            .Select(i => ($"p{i:D3}.jpg", DatedPhotos.Tiny(i, Newest.AddDays(-daysApart * i).ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();
        foreach (var batch in photos.Chunk(45))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, (await Uploads.SendAsync(api, owner.AccessToken, batch)).StatusCode);
        }
        return owner;
    }
}
