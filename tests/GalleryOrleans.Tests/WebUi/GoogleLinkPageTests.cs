using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>
/// "Link Google" in Settings when the gateway has a Google client id. Google itself is out of reach here, so a stand-in
/// for its script is served at Google's address: the page's policy must let it run, and its button's token must reach
/// POST /api/users/me/google (which refuses this one, as it is not signed by Google).
/// </summary>
public sealed class GoogleLinkPageTests(GoogleBrowserCluster cluster) : IClassFixture<GoogleBrowserCluster>
{
    private const string GoogleScript = "https://accounts.google.com/gsi/client";

    private const string StandInScript = """
        window.google = { accounts: { id: {
          initialize(options) { window.googleOptions = options; },
          renderButton(parent) {
            const button = document.createElement('button');
            button.type = 'button';
            button.textContent = 'Continue with Google';
            button.addEventListener('click', () => window.googleOptions.callback({ credential: 'header.payload.signature' }));
            parent.append(button);
          },
        } } };
        """;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Settings_offers_Link_Google_loads_Googles_script_under_the_policy_and_sends_its_token_to_the_account(string screen)
    {
        var user = await UserJourney.SignUpAsync(cluster, Screen.Named(screen));
        var sentBodies = new List<string>();
        await user.Page.RouteAsync(GoogleScript, route => route.FulfillAsync(new() { ContentType = "text/javascript", Body = StandInScript }));
        user.Page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/users/me/google", StringComparison.Ordinal))
            {
                sentBodies.Add(request.PostData ?? "");
            }
        };
        await user.NavigateAsync("Settings");
        var profile = user.Page.GetByRole(AriaRole.Region, new() { Name = "Profile" });
        await Expect(profile).ToContainTextAsync("Google account: not linked");

        await profile.GetByRole(AriaRole.Button, new() { Name = "Link Google" }).ClickAsync();
        await profile.GetByRole(AriaRole.Button, new() { Name = "Continue with Google" }).ClickAsync();

        await Expect(user.Status).ToHaveTextAsync("The Google ID token is invalid.");
        Assert.Equal(["""{"idToken":"header.payload.signature"}"""], sentBodies);
        Assert.Equal(GoogleBrowserCluster.ClientId, await user.Page.EvaluateAsync<string>("() => window.googleOptions.client_id"));
        await Expect(profile).ToContainTextAsync("Google account: not linked");
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Only_the_app_page_lets_Googles_script_in_and_the_client_id_is_public()
    {
        var app = await cluster.Http.GetAsync("/");
        var share = await cluster.Http.GetAsync("/share/" + new string('A', 43));
        var client = await ApiClient.ReadJsonAsync(await cluster.Http.GetAsync("/api/auth/google/client"));

        Assert.Contains("script-src 'self' https://accounts.google.com/gsi/client;", Policy(app));
        Assert.Contains("frame-src https://accounts.google.com/gsi/;", Policy(app));
        Assert.DoesNotContain("google", Policy(share));
        Assert.Equal(GoogleBrowserCluster.ClientId, client.GetProperty("clientId").GetString());
    }

    private static string Policy(HttpResponseMessage response) => string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
}
