using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>The account pages: forgot password, the unconfirmed-email banner, and the settings page.</summary>
public sealed class SettingsPageTests(BrowserCluster cluster) : IClassFixture<BrowserCluster>
{
    [Fact]
    public async Task Forgot_password_from_the_sign_in_page_sends_the_reset_email()
    {
        var api = new ApiClient(cluster);
        var owner = await api.NewUserAsync();
        var user = new UserJourney(await cluster.NewPageAsync(Screen.Phone));
        await user.Page.GotoAsync("/");

        await user.Page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await Expect(user.Heading("Forgot your password?")).ToBeVisibleAsync();
        await user.Page.GetByLabel("Email").FillAsync(owner.Email);
        await user.Button("Send reset link").ClickAsync();

        await Expect(user.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "reset link is on its way" })).ToBeVisibleAsync();
        Assert.Contains("/reset-password?token=", api.EmailContaining(owner.Email, "/reset-password?token="));
        user.AssertNoScriptErrors();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_new_user_sees_the_banner_resends_the_email_and_manages_keys_and_sessions(string screen)
    {
        var user = await UserJourney.SignUpAsync(cluster, Screen.Named(screen));
        var banner = user.Page.GetByRole(AriaRole.Region, new() { Name = "Email not confirmed" });
        await Expect(banner).ToContainTextAsync(user.Email);
        await banner.GetByRole(AriaRole.Button, new() { Name = "Resend email" }).ClickAsync();
        await Expect(banner).ToContainTextAsync("A new link is on its way");

        await user.NavigateAsync("Settings");
        await Expect(user.Heading("Settings")).ToBeVisibleAsync();
        await user.Page.GetByLabel("First name").FillAsync("Ada");
        await user.Button("Save profile").ClickAsync();
        await Expect(user.Status).ToHaveTextAsync("Profile saved.");

        await user.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("backup script");
        await user.Button("Create access key").ClickAsync();
        var keyId = await user.Page.Locator("code.key-id").TextContentAsync();
        await Expect(user.Page.Locator("code.key-secret")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^.{30,}$"));
        var keys = user.Page.GetByRole(AriaRole.Region, new() { Name = "S3 access keys" }).Locator("ul.rows li");
        await Expect(keys).ToContainTextAsync([keyId!]);

        await user.Page.ReloadAsync();
        await Expect(user.Heading("Settings")).ToBeVisibleAsync();
        await Expect(user.Page.Locator("code.key-secret")).ToHaveCountAsync(0);
        await Expect(user.Page.GetByLabel("First name")).ToHaveValueAsync("Ada");
        await keys.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(keys).ToHaveTextAsync(["No access keys."]);

        var sessions = user.Page.GetByRole(AriaRole.Region, new() { Name = "Sessions" });
        await Expect(sessions.Locator("li").Filter(new() { HasText = "(this session)" })).ToHaveCountAsync(1);
        await sessions.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await user.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Expect(user.Heading("Sign in")).ToBeVisibleAsync();
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_changed_password_is_the_one_that_signs_in()
    {
        var user = await UserJourney.SignUpAsync(cluster, Screen.Desktop);
        await user.NavigateAsync("Settings");

        await user.Page.GetByLabel("Current password").FillAsync(UserJourney.Password);
        await user.Page.GetByLabel("New password").FillAsync("Another-Horse-10");
        await user.Button("Change password").ClickAsync();
        await Expect(user.Status).ToContainTextAsync("Password changed.");
        await user.Button("Sign out").ClickAsync();
        await user.Page.GetByLabel("Email or username").FillAsync(user.Email);
        await user.Page.GetByLabel("Password").FillAsync("Another-Horse-10");
        await user.Button("Sign in").ClickAsync();

        await Expect(user.Heading("Library")).ToBeVisibleAsync();
        user.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Without_a_Google_client_id_there_is_no_Link_Google_and_the_policy_keeps_Google_out()
    {
        var user = await UserJourney.SignUpAsync(cluster, Screen.Phone);
        await user.NavigateAsync("Settings");
        var profile = user.Page.GetByRole(AriaRole.Region, new() { Name = "Profile" });
        await Expect(profile).ToContainTextAsync("Google account: not linked");
        await Expect(profile.GetByRole(AriaRole.Button, new() { Name = "Link Google" })).ToHaveCountAsync(0);

        var app = await cluster.Http.GetAsync("/");
        var client = await ApiClient.ReadJsonAsync(await cluster.Http.GetAsync("/api/auth/google/client"));

        Assert.DoesNotContain("google", string.Join(" ", app.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, client.GetProperty("clientId").ValueKind);
        user.AssertNoScriptErrors();
    }
}
