using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>The pages the account emails link to, in the browser: they post the emailed token, then lead to sign-in.</summary>
public sealed class AccountPagesTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task The_reset_link_sets_a_new_password_and_leads_to_signing_in_with_it()
    {
        var user = await api.NewUserAsync();
        await api.SendAsync(HttpMethod.Post, "/api/auth/forgot-password", new { email = user.Email });
        var token = api.TokenFromEmail(user.Email, "reset-password");
        var journey = new UserJourney(await cluster.NewPageAsync());

        await journey.Page.GotoAsync($"/reset-password?token={Uri.EscapeDataString(token)}");
        await Expect(journey.Heading("Choose a new password")).ToBeVisibleAsync();
        Assert.DoesNotContain("token=", journey.Page.Url);
        await journey.Page.GetByLabel("New password").FillAsync("Brand-New-Pass-7");
        await journey.Button("Set password").ClickAsync();
        await Expect(journey.Page.GetByText("Your password is changed")).ToBeVisibleAsync();
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await journey.Page.GetByLabel("Email or username").FillAsync(user.Email);
        await journey.Page.GetByLabel("Password").FillAsync("Brand-New-Pass-7");
        await journey.Button("Sign in").ClickAsync();

        await Expect(journey.Heading("Library")).ToBeVisibleAsync();
        journey.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_used_or_forged_reset_link_says_so_on_the_form()
    {
        var journey = new UserJourney(await cluster.NewPageAsync());

        await journey.Page.GotoAsync("/reset-password?token=forged");
        await journey.Page.GetByLabel("New password").FillAsync("Brand-New-Pass-7");
        await journey.Button("Set password").ClickAsync();

        await Expect(journey.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid, used or expired");
        journey.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_verification_link_confirms_the_email_when_the_button_is_pressed()
    {
        var user = await api.NewUserAsync();
        var token = api.TokenFromEmail(user.Email, "verify-email");
        var journey = new UserJourney(await cluster.NewPageAsync());

        await journey.Page.GotoAsync($"/verify-email?token={Uri.EscapeDataString(token)}");
        await journey.Button("Confirm").ClickAsync();
        await Expect(journey.Page.GetByText("Your email is confirmed.")).ToBeVisibleAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveAttributeAsync("href", "/#/signin");
        var me = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/users/me", token: user.AccessToken));

        Assert.True(me.GetProperty("emailVerified").GetBoolean());
        journey.AssertNoScriptErrors();
    }
}
