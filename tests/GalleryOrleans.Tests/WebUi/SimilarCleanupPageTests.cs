using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>
/// In a real browser: a group of a photo and its half-size copy shows why each is there and which to keep, compares them
/// side by side, keeps the suggested one and trashes the copy; the Trash page restores it and empties for good.
/// </summary>
public sealed class SimilarCleanupPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Fact]
    public async Task Keep_the_suggested_photo_trash_the_copy_then_restore_it_and_empty_the_trash()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(UserJourney.Samples("astronaut.jpg", "astronaut__half.jpg", "chelsea.jpg"));
        await user.ExpectImagesRenderedAsync("main .grid img", 3);

        await user.NavigateAsync("Similar photos");
        await user.Button("Detect similar photos").ClickAsync();
        await Expect(user.Page.Locator(".detect-state")).ToHaveTextAsync("Done: 1 group of similar photos.", new() { Timeout = 120_000 });
        var group = user.Page.Locator(".similar-group");
        await Expect(group.Locator(".similar-item")).ToHaveCountAsync(2);
        var keeper = group.Locator(".similar-item.suggested");
        await Expect(keeper.Locator(".tile-name")).ToHaveTextAsync("astronaut.jpg");
        await Expect(keeper.Locator(".keeper")).ToHaveTextAsync("Suggested keep");
        await Expect(keeper.GetByRole(AriaRole.Checkbox, new() { Name = "Keep" })).ToBeCheckedAsync();
        await Expect(group.Locator(".similar-item:not(.suggested)").GetByRole(AriaRole.Checkbox, new() { Name = "Keep" })).Not.ToBeCheckedAsync();
        Assert.Equal(["Copy", "Copy"], await group.Locator(".reason").AllTextContentsAsync());

        await user.Button("Compare side by side").ClickAsync();
        await user.ExpectImagesRenderedAsync(".compare img", 2);
        var captions = await user.Page.Locator(".compare figcaption strong").AllTextContentsAsync();
        Assert.Equal(["astronaut.jpg", "astronaut__half.jpg"], captions);
        await Expect(user.Page.Locator(".compare-left .facts")).ToContainTextAsync("512 × 512");
        await Expect(user.Page.Locator(".compare-right .facts")).ToContainTextAsync("256 × 256");

        await user.Button("Keep selected, trash the rest").ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Move to trash" }).ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("Kept 1 photo; moved 1 photo to the trash.");
        await Expect(group).ToHaveCountAsync(0);

        await user.NavigateAsync("Trash");
        await user.ExpectImagesRenderedAsync("main .trash img", 1);
        await Expect(user.Page.Locator("main .trash .tile-name")).ToHaveTextAsync("astronaut__half.jpg");
        await Expect(user.Button("Restore selected")).ToBeDisabledAsync();
        await user.Page.GetByRole(AriaRole.Checkbox, new() { Name = "astronaut__half.jpg" }).CheckAsync();
        await user.Button("Restore selected").ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("Restored 1 item.");
        await Expect(user.Page.GetByText("The trash is empty.")).ToBeVisibleAsync();

        await user.NavigateAsync("Library");
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        await user.OpenTileAsync("chelsea.jpg");
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).Last.ClickAsync();
        await Expect(user.Tiles).ToHaveCountAsync(2);

        await user.NavigateAsync("Trash");
        await Expect(user.Page.Locator("main .trash .tile-name")).ToHaveTextAsync("chelsea.jpg");
        await user.Button("Empty trash").ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Empty trash" }).ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("The trash is empty.");
        await user.Page.ReloadAsync();
        await Expect(user.Page.GetByText("The trash is empty.")).ToBeVisibleAsync();
        await Expect(user.Page.Locator("main .trash li")).ToHaveCountAsync(0);
        user.AssertNoScriptErrors();
    }
}
