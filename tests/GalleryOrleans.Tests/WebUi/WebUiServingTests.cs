using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>How the gateway serves the UI's files, next to the routes that must stay as they were.</summary>
public sealed class WebUiServingTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/share/some-token", "text/html")]
    [InlineData("/verify-email?token=abc", "text/html")]
    [InlineData("/reset-password?token=abc", "text/html")]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    public async Task UI_files_are_served_with_a_policy_that_forbids_inline_script(string path, string contentType)
    {
        using var response = await cluster.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_pages_hold_no_inline_script()
    {
        foreach (var path in new[] { "/", "/share/some-token", "/verify-email", "/reset-password" })
        {
            var html = await cluster.Http.GetStringAsync(path);
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        }
    }

    [Fact]
    public async Task The_api_and_public_share_routes_still_answer_json()
    {
        using var share = await cluster.Http.GetAsync("/s/" + new string('A', 43));
        using var api = await cluster.Http.GetAsync("/api/media");
        using var health = await cluster.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, share.StatusCode);
        Assert.Equal("application/problem+json", share.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Dest", "document")]
    [InlineData("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")]
    public async Task A_share_link_opened_in_a_browser_leads_to_the_share_page(string header, string value)
    {
        var token = new string('A', 43);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/s/" + token);
        request.Headers.TryAddWithoutValidation(header, value);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cluster.Http.BaseAddress };

        using var response = await client.SendAsync(request);
        using var scripted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/s/" + token)
        {
            Headers = { { "Sec-Fetch-Dest", "empty" }, { "Accept", "text/html" } },
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/share/" + token, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, scripted.StatusCode);
    }
}
