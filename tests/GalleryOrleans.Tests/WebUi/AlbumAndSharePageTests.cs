using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>Albums and share links in a real browser, including the public page a visitor without an account sees.</summary>
public sealed class AlbumAndSharePageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Fact]
    public async Task A_photo_added_to_a_new_album_gives_it_a_count_and_a_cover()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(UserJourney.Samples("building.jpg", "starry_night.jpg"));
        await user.NavigateAsync("Albums");
        await Expect(user.Page.GetByText("No albums yet.")).ToBeVisibleAsync();
        await user.Page.GetByLabel("New album name").FillAsync("Holiday <b>2026</b>");
        await user.Button("Create album").ClickAsync();
        await Expect(user.Page.Locator(".album-card")).ToContainTextAsync("Holiday <b>2026</b>0 items");

        await user.NavigateAsync("Library");
        await user.OpenTileAsync("starry_night.jpg");
        await user.Viewer.GetByLabel("Add to album").SelectOptionAsync(new SelectOptionValue { Label = "Holiday <b>2026</b>" });
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("Added to Holiday <b>2026</b>.");
        await user.CloseViewerAsync();
        await user.NavigateAsync("Albums");

        var card = user.Page.Locator(".album-card");
        await Expect(card).ToContainTextAsync("1 item");
        await user.ExpectImagesRenderedAsync(".album-card img", 1);
        await card.ClickAsync();
        await Expect(user.Heading("Holiday <b>2026</b>")).ToBeVisibleAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        await Expect(user.Page.Locator("main .grid img")).ToHaveAttributeAsync("alt", "starry_night.jpg");
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_photo_shared_with_an_access_code_opens_for_a_visitor_only_with_the_right_code()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(UserJourney.Samples("coffee.jpg", "rocket.jpg"));
        await user.OpenTileAsync("coffee.jpg");
        await user.Viewer.GetByText("Share this photo").ClickAsync();
        await user.Viewer.GetByLabel("Access code").FillAsync("open-sesame");
        await user.Viewer.GetByLabel("Recipient").FillAsync("Grandma");
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var link = await user.Viewer.GetByLabel("Share link").InputValueAsync();
        await user.CloseViewerAsync();
        await user.NavigateAsync("Shares");
        await Expect(user.Page.Locator("table.shares tbody tr")).ToContainTextAsync("Grandma");

        var visitor = new UserJourney(await cluster.NewPageAsync());
        await visitor.Page.GotoAsync(link);
        await Expect(visitor.Heading("This link is protected")).ToBeVisibleAsync();
        await visitor.Page.GetByLabel("Access code").FillAsync("open-barley");
        await visitor.Button("Open").ClickAsync();
        await Expect(visitor.Page.Locator(".field-error")).ToHaveTextAsync("That code is not right.");
        await Expect(visitor.Page.Locator("main .grid img")).ToHaveCountAsync(0);
        await visitor.Page.GetByLabel("Access code").FillAsync("open-sesame");
        await visitor.Button("Open").ClickAsync();

        await Expect(visitor.Viewer.GetByRole(AriaRole.Heading, new() { Name = "coffee.jpg" })).ToBeVisibleAsync();
        await visitor.ExpectImagesRenderedAsync("dialog#viewer figure img", 1);
        await visitor.CloseViewerAsync();
        await visitor.ExpectImagesRenderedAsync("main .grid img", 1);
        await Expect(visitor.Page.Locator("main .grid img")).ToHaveAttributeAsync("alt", "coffee.jpg");
        user.AssertNoScriptErrors();
        visitor.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_album_link_shows_the_album_until_it_is_revoked_and_unknown_links_say_so()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.NavigateAsync("Albums");
        await user.Page.GetByLabel("New album name").FillAsync("Cats");
        await user.Button("Create album").ClickAsync();
        await user.Page.Locator(".album-card").ClickAsync();
        await Expect(user.Heading("Cats")).ToBeVisibleAsync();
        await user.UploadAsync(UserJourney.Samples("chelsea.jpg", "chelsea__gray.jpg"));
        await user.Page.GetByText("Share this album").ClickAsync();
        await user.Button("Create link").ClickAsync();
        var link = await user.Page.GetByLabel("Share link").InputValueAsync();

        var visitor = new UserJourney(await cluster.NewPageAsync());
        await visitor.Page.GotoAsync(link);
        await Expect(visitor.Heading("Cats")).ToBeVisibleAsync();
        await visitor.ExpectImagesRenderedAsync("main .grid img", 2);

        await user.NavigateAsync("Shares");
        await user.Button("Revoke").ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(user.Page.Locator("table.shares tbody tr")).ToContainTextAsync("revoked");
        await visitor.Page.ReloadAsync();
        await Expect(visitor.Heading("Link not found")).ToBeVisibleAsync();
        await visitor.Page.GotoAsync("/share/" + new string('A', 43));
        await Expect(visitor.Heading("Link not found")).ToBeVisibleAsync();
        user.AssertNoScriptErrors();
        visitor.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_viewer_shows_camera_lens_exposure_place_and_position_to_the_owner_and_a_link_holder_gets_none()
    {
        var tagged = Path.Combine(cluster.DataDirectory, "tagged.jpg");
        using (var photo = TestImages.LoadPhoto("rocket.jpg"))
        using (var withExif = TestImages.WithExif(photo, 1,
            [.. CapturedPhoto.Exif,
            ("exif-ifd3-GPSLatitude", "51/1 30/1 2628/100"), ("exif-ifd3-GPSLatitudeRef", "N"),
            ("exif-ifd3-GPSLongitude", "0/1 7/1 3900/100"), ("exif-ifd3-GPSLongitudeRef", "W")]))
        {
            File.WriteAllBytes(tagged, JpegApp1.WithXmp(withExif.JpegsaveBuffer(), CapturedPhoto.Xmp));
        }
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(tagged);

        await user.OpenTileAsync("tagged.jpg");
        var metadata = user.Viewer.Locator("dl.metadata");
        await Expect(metadata).ToContainTextAsync("CameraAcme Pixelmaster 9");
        await Expect(metadata).ToContainTextAsync("Location51.50730, -0.12750");
        await Expect(metadata).ToContainTextAsync("Dimensions640 × 427");
        await Expect(metadata).ToContainTextAsync("LensAcme 35mm F1.4 DG");
        await Expect(metadata).ToContainTextAsync("Exposure1/250 s · ƒ/1.4 · ISO 200 · 35 mm");
        await Expect(metadata).ToContainTextAsync("PlaceMontmartre, Paris, Île-de-France, France");
        await user.Viewer.GetByText("Share this photo").ClickAsync();
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var link = await user.Viewer.GetByLabel("Share link").InputValueAsync();

        var visitor = new UserJourney(await cluster.NewPageAsync());
        await visitor.Page.GotoAsync(link);
        await Expect(visitor.Viewer.GetByRole(AriaRole.Heading, new() { Name = "tagged.jpg" })).ToBeVisibleAsync();
        await Expect(visitor.Viewer.Locator("dl.metadata")).Not.ToContainTextAsync("Acme");
        await Expect(visitor.Viewer.Locator("dl.metadata")).Not.ToContainTextAsync("Montmartre");
        var shared = await visitor.Page.APIRequest.GetAsync(link.Replace("/share/", "/s/"));
        var item = (await shared.JsonAsync())!.Value.GetProperty("items")[0];
        Assert.False(item.TryGetProperty("latitude", out _));
        Assert.False(item.TryGetProperty("cameraMake", out _));
        Assert.False(item.TryGetProperty("lens", out _));
        Assert.False(item.TryGetProperty("place", out _));
        user.AssertNoScriptErrors();
        visitor.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_album_is_filled_by_upload_renamed_emptied_and_deleted_while_its_photos_stay()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.NavigateAsync("Albums");
        await user.Page.GetByLabel("New album name").FillAsync("Trip");
        await user.Button("Create album").ClickAsync();
        await user.Page.Locator(".album-card").ClickAsync();
        await user.UploadAsync(UserJourney.Samples("fruits__q30.jpg", "coffee__blur.jpg"));
        await user.ExpectImagesRenderedAsync("main .grid img", 2);

        await user.OpenTileAsync("coffee__blur.jpg");
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Remove from this album" }).ClickAsync();
        await Expect(user.Viewer).ToBeHiddenAsync();
        await Expect(user.Tiles).ToHaveCountAsync(1);
        await user.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Trip 2026");
        await user.Button("Rename").ClickAsync();
        await Expect(user.Heading("Trip 2026")).ToBeVisibleAsync();
        await user.Button("Delete album").ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete album" }).ClickAsync();

        await Expect(user.Heading("Albums")).ToBeVisibleAsync();
        await Expect(user.Page.GetByText("No albums yet.")).ToBeVisibleAsync();
        await user.NavigateAsync("Library");
        await user.ExpectImagesRenderedAsync("main .grid img", 2);
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_visitor_is_told_when_a_link_has_expired_or_too_many_codes_were_wrong()
    {
        var api = new ApiClient(cluster);
        var owner = await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken, "building.jpg")).GetProperty("id").GetString();
        var expiring = await ShareAsync(api, owner, new { mediaId = media, expiresAt = DateTime.UtcNow.AddSeconds(2) });
        var coded = await ShareAsync(api, owner, new { mediaId = media, accessCode = "right-code" });
        var visitor = new UserJourney(await cluster.NewPageAsync());

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await visitor.Page.GotoAsync("/share/" + coded);
            await visitor.Page.GetByLabel("Access code").FillAsync("wrong-code");
            await visitor.Button("Open").ClickAsync();
            await Expect(visitor.Page.Locator(".field-error, .form-error")).ToBeVisibleAsync();
        }
        await Expect(visitor.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many wrong codes. Try again in");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await visitor.Page.GotoAsync("/share/" + expiring);

        await Expect(visitor.Heading("Link expired")).ToBeVisibleAsync();
        await Expect(visitor.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This link has expired. Ask its owner for a new one.");
        visitor.AssertNoScriptErrors();
    }

    private static async Task<string> ShareAsync(ApiClient api, SignedInUser owner, object body)
    {
        var created = await api.SendAsync(HttpMethod.Post, "/api/shares", body, owner.AccessToken);
        return (await ApiClient.ReadJsonAsync(created)).GetProperty("token").GetString()!;
    }
}
