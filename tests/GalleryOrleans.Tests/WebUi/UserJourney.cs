using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>What a person does in the web UI, step by step, and what they see: the building blocks of the tests.</summary>
internal sealed class UserJourney
{
    public const string Password = "Correct-Horse-9";

    private readonly IPage page;
    private readonly List<string> scriptErrors = [];
    private readonly List<string> failedRequests = [];

    public UserJourney(IPage page)
    {
        this.page = page;
        // Refused requests log "Failed to load resource" and are part of the flows; uncaught exceptions and
        // anything the CSP blocked are not.
        page.PageError += (_, error) => scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                scriptErrors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failedRequests.Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => failedRequests.Add($"failed {request.Method} {request.Url}: {request.Failure}");
    }

    public IPage Page => page;

    public string Email { get; } = $"u{Guid.NewGuid():N}"[..13] + "@example.com";

    /// <summary>Opens the app, creates an account through the sign-up form and lands in the empty library.</summary>
    public static async Task<UserJourney> SignUpAsync(BrowserCluster cluster, Screen? screen = null)
    {
        var journey = new UserJourney(await cluster.NewPageAsync(screen ?? Screen.Default));
        await journey.Page.GotoAsync("/");
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await journey.FillSignUpAsync(Password);
        await Expect(journey.Heading("Library")).ToBeVisibleAsync();
        return journey;
    }

    public async Task FillSignUpAsync(string password)
    {
        await page.GetByLabel("Username").FillAsync(Email.Split('@')[0]);
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator Viewer => page.Locator("dialog#viewer");

    public ILocator Tiles => page.Locator("main .grid .tile");

    /// <summary>Follows a link of the main navigation, opening the phone's menu first when the links are folded.</summary>
    public async Task NavigateAsync(string link)
    {
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var menu = nav.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        if (await menu.IsVisibleAsync() && await menu.GetAttributeAsync("aria-expanded") != "true")
        {
            await menu.ClickAsync();
        }
        await nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }

    /// <summary>Chooses files in the upload picker and waits until every one has a result.</summary>
    public async Task UploadAsync(params string[] paths)
    {
        await page.Locator("input[type=file]").SetInputFilesAsync(paths);
        await Expect(Status).ToContainTextAsync($"of {paths.Length} file", new() { Timeout = 120_000 });
    }

    public static string[] Samples(params string[] names) => names.Select(SamplePhotos.PathOf).ToArray();

    /// <summary>Waits until exactly <paramref name="count"/> images match and all of them are decoded pictures.</summary>
    public async Task ExpectImagesRenderedAsync(string selector, int count)
    {
        await page.WaitForFunctionAsync(
            """([selector, count]) => { const images = [...document.querySelectorAll(selector)]; return images.length === count && images.every(i => i.complete && i.naturalWidth > 0); }""",
            new object[] { selector, count });
    }

    public async Task OpenTileAsync(string name)
    {
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Viewer.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
    }

    public void AssertNoScriptErrors() => Assert.Empty(scriptErrors);

    /// <summary>Every response of 400 or more and every request that failed since <see cref="ForgetFailedRequests"/>.</summary>
    public IReadOnlyList<string> FailedRequests => failedRequests;

    public void ForgetFailedRequests() => failedRequests.Clear();

    /// <summary>Opens the app and signs in through the form as a user made through the API.</summary>
    public static async Task<UserJourney> SignInAsync(BrowserCluster cluster, Screen screen, string email, string password)
    {
        var journey = new UserJourney(await cluster.NewPageAsync(screen));
        await journey.Page.GotoAsync("/");
        await journey.Page.GetByLabel("Email or username").FillAsync(email);
        await journey.Page.GetByLabel("Password").FillAsync(password);
        await journey.Button("Sign in").ClickAsync();
        await Expect(journey.Heading("Library")).ToBeVisibleAsync();
        return journey;
    }

    /// <summary>The names of the tiles in the order the page shows them.</summary>
    public Task<string[]> TileNamesAsync() =>
        page.Locator("main li[data-id] .tile").EvaluateAllAsync<string[]>("tiles => tiles.map(t => t.querySelector('img').alt || t.textContent.trim())");

    public async Task CloseViewerAsync()
    {
        await page.Keyboard.PressAsync("Escape");
        await Expect(Viewer).ToBeHiddenAsync();
    }
}
