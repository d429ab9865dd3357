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
    }

    public IPage Page => page;

    public string Email { get; } = $"u{Guid.NewGuid():N}"[..13] + "@example.com";

    /// <summary>Opens the app, creates an account through the sign-up form and lands in the empty library.</summary>
    public static async Task<UserJourney> SignUpAsync(BrowserCluster cluster)
    {
        var journey = new UserJourney(await cluster.NewPageAsync());
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

    public Task NavigateAsync(string link) => page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();

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

    public async Task CloseViewerAsync()
    {
        await page.Keyboard.PressAsync("Escape");
        await Expect(Viewer).ToBeHiddenAsync();
    }
}
