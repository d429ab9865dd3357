using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>
/// The whole shared sample set uploaded through the page, read back in the library's timeline, then "Detect similar photos",
/// in a real browser.
/// </summary>
public sealed class SimilarPhotosPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Fact]
    public async Task Detection_shows_the_known_groups_and_their_members_open_in_the_viewer()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        var samples = Directory.GetFiles(SamplePhotos.Directory, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        await user.UploadAsync(samples);
        await Expect(user.Status).ToHaveTextAsync($"Uploaded {samples.Length} of {samples.Length} files.");
        await user.ExpectImagesRenderedAsync("main .grid img", samples.Length);
        // After a reload the library is read back from the API as the timeline (its paging: TimelinePageTests).
        await user.Page.ReloadAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", samples.Length);

        await user.NavigateAsync("Similar photos");
        await user.Button("Detect similar photos").ClickAsync();
        await Expect(user.Page.Locator(".detect-state")).ToHaveTextAsync("Done: 8 groups of similar photos.", new() { Timeout = 120_000 });
        await Expect(user.Page.Locator(".similar-group")).ToHaveCountAsync(8);
        await Expect(user.Page.Locator(".similar-group .tile-name:empty")).ToHaveCountAsync(0);
        var shown = await user.Page.Locator(".similar-group").EvaluateAllAsync<string[][]>(
            "groups => groups.map(g => [...g.querySelectorAll('.tile-name')].map(n => n.textContent))");
        var scores = await user.Page.Locator(".similar-group .score").AllTextContentsAsync();
        Assert.Equal(Truth().OrderBy(g => g[0]), shown.Select(g => g.Order(StringComparer.Ordinal).ToArray()).OrderBy(g => g[0]));
        Assert.All(scores, score => Assert.Matches(@"^Similarity (\d|[1-9]\d|100) %$", score));
        await user.ExpectImagesRenderedAsync(".similar-group img", samples.Length);

        var member = shown[0][0];
        await user.Page.Locator(".similar-group .tile").First.ClickAsync();
        await Expect(user.Viewer.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = member })).ToBeVisibleAsync();
        await user.ExpectImagesRenderedAsync("dialog#viewer figure img", 1);
        user.AssertNoScriptErrors();
    }

    private static string[][] Truth()
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(SamplePhotos.SimilarDirectory, "truth.json")));
        return truth.RootElement.GetProperty("groups").EnumerateArray()
            .Select(g => g.EnumerateArray().Select(n => n.GetString()!).Order(StringComparer.Ordinal).ToArray())
            .ToArray();
    }
}
