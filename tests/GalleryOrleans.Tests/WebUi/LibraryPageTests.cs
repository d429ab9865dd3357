using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>Signing up and out, uploading, the library grid, the viewer and favourites, in a real browser.</summary>
public sealed class LibraryPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Fact]
    public async Task Sign_up_shows_refusals_by_their_field_then_lands_in_the_empty_library()
    {
        var user = new UserJourney(await cluster.NewPageAsync());
        await user.Page.GotoAsync("/");
        await Expect(user.Heading("Sign in")).ToBeVisibleAsync();
        await user.Page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();

        await user.FillSignUpAsync("short");
        await Expect(user.Page.Locator("#sign-up-password-error")).ToHaveTextAsync("8 to 128 characters.");
        await Expect(user.Page.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");
        await user.FillSignUpAsync(UserJourney.Password);

        await Expect(user.Heading("Library")).ToBeVisibleAsync();
        await Expect(user.Page.GetByText("Your library is empty.")).ToBeVisibleAsync();
        await Expect(user.Tiles).ToHaveCountAsync(0);
        await Expect(user.Button("Load more")).ToBeHiddenAsync();
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Uploaded_photos_show_thumbnails_and_a_refused_file_says_why_and_stays_out()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        var notAPhoto = Path.Combine(cluster.DataDirectory, "notes.jpg");
        await File.WriteAllTextAsync(notAPhoto, "these are words, not a picture");

        await user.UploadAsync([.. UserJourney.Samples("astronaut.jpg", "coffee.jpg", "rocket.jpg"), notAPhoto]);

        await Expect(user.Status).ToHaveTextAsync("Uploaded 3 of 4 files; 1 refused.");
        var refused = user.Page.Locator(".upload-results li", new() { HasText = "notes.jpg" });
        await Expect(refused).ToContainTextAsync("Refused: Unsupported media.");
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        await user.Page.ReloadAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 3);
        var names = await user.Page.Locator("main .grid img").EvaluateAllAsync<string[]>("images => images.map(i => i.alt)");
        Assert.Equal(["astronaut.jpg", "coffee.jpg", "rocket.jpg"], names.Order());
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_photo_dropped_on_the_upload_area_is_uploaded()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        var bytes = Convert.ToBase64String(SamplePhotos.Bytes("astronaut__half.jpg"));

        // What a drag from the file manager delivers: a drop event whose DataTransfer holds the file.
        await user.Page.Locator("section.upload").DispatchEventAsync("drop", new Dictionary<string, object>
        {
            ["dataTransfer"] = await user.Page.EvaluateHandleAsync(
                """base64 => { const t = new DataTransfer(); t.items.add(new File([Uint8Array.from(atob(base64), c => c.charCodeAt(0))], 'astronaut__half.jpg', { type: 'image/jpeg' })); return t; }""",
                bytes),
        });

        await Expect(user.Status).ToHaveTextAsync("Uploaded 1 of 1 file.");
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        await Expect(user.Page.Locator("main .grid img")).ToHaveAttributeAsync("alt", "astronaut__half.jpg");
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_photo_favourited_in_the_viewer_shows_up_in_favourites()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(UserJourney.Samples("chelsea.jpg", "fruits.jpg"));

        await user.OpenTileAsync("chelsea.jpg");
        await user.ExpectImagesRenderedAsync("dialog#viewer figure img", 1);
        await Expect(user.Viewer.Locator("dl")).ToContainTextAsync("Dimensions");
        var favourite = user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Favourite" });
        await Expect(favourite).ToHaveAttributeAsync("aria-pressed", "false");
        await favourite.ClickAsync();
        await Expect(favourite).ToHaveAttributeAsync("aria-pressed", "true");
        await user.CloseViewerAsync();
        await user.NavigateAsync("Favourites");

        await Expect(user.Heading("Favourites")).ToBeVisibleAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        await Expect(user.Page.Locator("main .grid img")).ToHaveAttributeAsync("alt", "chelsea.jpg");
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_viewer_works_from_the_keyboard_and_gives_focus_back_to_its_tile()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(UserJourney.Samples("starry_night__q30.jpg"));
        var tile = user.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "starry_night__q30.jpg" });

        await tile.FocusAsync();
        await user.Page.Keyboard.PressAsync("Enter");
        await Expect(user.Viewer.GetByRole(AriaRole.Heading, new() { Name = "starry_night__q30.jpg" })).ToBeVisibleAsync();
        await user.Page.Keyboard.PressAsync("Tab");
        await Expect(user.Viewer.Locator(":focus")).ToHaveCountAsync(1);
        await user.Page.Keyboard.PressAsync("Escape");

        await Expect(user.Viewer).ToBeHiddenAsync();
        await Expect(tile).ToBeFocusedAsync();
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_video_gets_a_video_tile_and_plays_in_the_viewer()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        // A real WebM, recorded by the browser itself from a canvas for half a second.
        var webm = await user.Page.EvaluateAsync<string>("""
            async () => {
              const canvas = document.createElement('canvas');
              canvas.width = 160; canvas.height = 120;
              const context = canvas.getContext('2d');
              const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' });
              const chunks = [];
              recorder.ondataavailable = (event) => chunks.push(event.data);
              const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
              recorder.start();
              for (let frame = 0; frame < 12; frame++) {
                context.fillStyle = `hsl(${frame * 30} 80% 50%)`;
                context.fillRect(0, 0, 160, 120);
                await new Promise((resolve) => setTimeout(resolve, 40));
              }
              recorder.stop();
              await stopped;
              const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
              return btoa(String.fromCharCode(...bytes));
            }
            """);
        await user.Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "clip.webm",
            MimeType = "video/webm",
            Buffer = Convert.FromBase64String(webm),
        });
        // The upload probes the video and takes its poster frame with ffmpeg, which a loaded machine makes slow.
        await Expect(user.Status).ToHaveTextAsync("Uploaded 1 of 1 file.", new() { Timeout = 120_000 });

        await Expect(user.Page.Locator("main .grid .video-tile")).ToContainTextAsync("clip.webm");
        await user.Page.Locator("main .grid .tile").ClickAsync();
        await Expect(user.Viewer.GetByRole(AriaRole.Heading, new() { Name = "clip.webm" })).ToBeVisibleAsync();
        await user.Page.WaitForFunctionAsync("() => { const v = document.querySelector('dialog#viewer video'); return v && v.readyState >= 1 && v.videoWidth === 160; }");
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_photo_deleted_after_confirming_leaves_the_library()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(UserJourney.Samples("baboon.jpg"));

        await user.OpenTileAsync("baboon.jpg");
        await user.Viewer.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).Last.ClickAsync();

        await Expect(user.Viewer).ToBeHiddenAsync();
        await Expect(user.Tiles).ToHaveCountAsync(0);
        await user.Page.ReloadAsync();
        await Expect(user.Page.GetByText("Your library is empty.")).ToBeVisibleAsync();
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_reload_forgets_the_access_token_and_the_next_call_refreshes_it_unnoticed()
    {
        var user = await UserJourney.SignUpAsync(cluster);
        await user.UploadAsync(UserJourney.Samples("fruits.jpg"));
        const string readRefreshToken = "() => sessionStorage.getItem('gallery.refreshToken')";
        var before = await user.Page.EvaluateAsync<string>(readRefreshToken);

        var refreshes = new List<int>();
        user.Page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/api/auth/refresh", StringComparison.Ordinal))
            {
                refreshes.Add(response.Status);
            }
        };
        await user.Page.ReloadAsync();

        await Expect(user.Heading("Library")).ToBeVisibleAsync();
        await user.ExpectImagesRenderedAsync("main .grid img", 1);
        Assert.Equal([200], refreshes);
        Assert.NotEqual(before, await user.Page.EvaluateAsync<string>(readRefreshToken));
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task After_signing_out_protected_views_send_you_to_sign_in_and_back()
    {
        var user = await UserJourney.SignUpAsync(cluster);

        await user.Button("Sign out").ClickAsync();
        await Expect(user.Heading("Sign in")).ToBeVisibleAsync();
        await Expect(user.Page.GetByRole(AriaRole.Navigation)).ToBeHiddenAsync();
        foreach (var view in new[] { "#/library", "#/favorites", "#/albums", "#/shares", "#/similar" })
        {
            await user.Page.GotoAsync("/" + view);
            await Expect(user.Heading("Sign in")).ToBeVisibleAsync();
        }
        Assert.Null(await user.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('gallery.refreshToken')"));

        await user.Page.GetByLabel("Email or username").FillAsync(user.Email);
        await user.Page.GetByLabel("Password").FillAsync("Wrong-Horse-1");
        await user.Button("Sign in").ClickAsync();
        await Expect(user.Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await user.Page.GetByLabel("Password").FillAsync(UserJourney.Password);
        await user.Button("Sign in").ClickAsync();
        await Expect(user.Heading("Similar photos")).ToBeVisibleAsync();
        user.AssertNoScriptErrors();
    }
}
