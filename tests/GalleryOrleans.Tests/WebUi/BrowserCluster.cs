using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>
/// A real cluster with its gateway (see <see cref="GalleryCluster"/>) plus one headless Debian Chromium driven
/// by Playwright, shared by a test class. Each test opens its own browser context, so cookies and
/// sessionStorage never leak between tests. Without Chromium the fixture fails, and with it every test of the class.
/// </summary>
public class BrowserCluster : GalleryCluster
{
    /// <summary>Chromium as named by GALLERY_CHROMIUM, else found on PATH (Debian calls it chromium).</summary>
    public static readonly string? ChromiumPath = ToolPaths.Find("GALLERY_CHROMIUM", "chromium", "chromium-browser");

    // The flags this machine needs: no sandbox as root, and no background traffic to a network that is closed.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public string BaseUrl => Http.BaseAddress!.ToString().TrimEnd('/');

    public override async Task InitializeAsync()
    {
        if (ChromiumPath is null || !File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                "Chromium is not on PATH (or named by GALLERY_CHROMIUM); the web UI tests need it. Install Debian's 'chromium' package " +
                "(as root, deploy/local/install-prerequisites.sh does: apt-get install chromium).");
        }
        await base.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies, no storage) and a page in it, at the gateway's address.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(Screen.Default);

    /// <summary>As <see cref="NewPageAsync()"/>, with the viewport (and, for a phone, touch) of the given screen.</summary>
    public async Task<IPage> NewPageAsync(Screen screen)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
            HasTouch = screen.IsPhone,
            IsMobile = screen.IsPhone,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return page;
    }

    public override async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
