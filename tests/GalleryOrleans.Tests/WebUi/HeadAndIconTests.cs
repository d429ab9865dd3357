using System.Net;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.WebUi;

/// <summary>HEAD is answered wherever GET is, and the icons a browser asks for are there.</summary>
public sealed class HeadAndIconTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/apple-touch-icon.png", "image/png")]
    [InlineData("/icon-192.png", "image/png")]
    [InlineData("/icon-512.png", "image/png")]
    [InlineData("/manifest.webmanifest", "application/manifest+json")]
    public async Task The_icons_and_the_manifest_are_served(string path, string contentType)
    {
        using var response = await cluster.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/share/some-token")]
    [InlineData("/verify-email")]
    [InlineData("/favicon.ico")]
    [InlineData("/js/app.js")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task HEAD_answers_what_GET_answers_without_the_body(string path)
    {
        using var get = await cluster.Http.GetAsync(path);
        using var head = await cluster.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HEAD_on_the_api_checks_the_token_and_gives_a_media_length_without_its_bytes()
    {
        var user = await api.NewUserAsync();
        var photo = await Uploads.PhotoAsync(api, user.AccessToken, "coffee.jpg");
        var path = $"/api/media/{photo.GetProperty("id").GetString()}/content";

        using var anonymous = await api.SendAsync(HttpMethod.Head, path);
        using var head = await api.SendAsync(HttpMethod.Head, path, token: user.AccessToken);
        using var list = await api.SendAsync(HttpMethod.Head, "/api/media", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(SamplePhotos.Bytes("coffee.jpg").Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
