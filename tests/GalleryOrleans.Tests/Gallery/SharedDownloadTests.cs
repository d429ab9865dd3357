using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>GET /s/{token}/download: "download all" of a share link, a ZIP streamed by the gateway on the link's terms.</summary>
public sealed class SharedDownloadTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_link_without_originals_zips_the_copies_without_camera_and_one_with_originals_zips_the_originals()
    {
        var owner = await api.NewUserAsync();
        var album = await AlbumAsync(owner, "Harbour days");
        var boats = Tagged("building.jpg");
        var gulls = Tagged("rocket.jpg");
        await UploadAsync(owner, album, "boats.jpg", boats);
        await UploadAsync(owner, album, "gulls.jpg", gulls);
        var copies = await ShareAsync(owner, new { albumId = album });
        var originals = await ShareAsync(owner, new { albumId = album, includeOriginals = true });

        var copyResponse = await api.SendAsync(HttpMethod.Get, $"/s/{copies}/download");
        var copyEntries = await ZipEntries.OfAsync(copyResponse);
        var originalEntries = await ZipEntries.OfAsync(await api.SendAsync(HttpMethod.Get, $"/s/{originals}/download"));

        Assert.Equal("Harbour days.zip", copyResponse.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["boats.jpg", "gulls.jpg"], copyEntries.Keys.Order());
        Assert.All(copyEntries.Values, bytes => Assert.True(bytes.AsSpan().IndexOf("Pixelmaster"u8) < 0, "a copy names the camera"));
        Assert.True(boats.AsSpan().IndexOf("Pixelmaster"u8) >= 0);
        Assert.Equal(boats, originalEntries["boats.jpg"]);
        Assert.Equal(gulls, originalEntries["gulls.jpg"]);
    }

    [Fact]
    public async Task The_zip_needs_the_code_and_ends_with_the_link()
    {
        var owner = await api.NewUserAsync();
        var album = await AlbumAsync(owner, "Private");
        await UploadAsync(owner, album, "one.jpg", Tagged("coffee.jpg"));
        var coded = await ShareAsync(owner, new { albumId = album, accessCode = "let-me-in" });
        var expiring = await ShareAsync(owner, new { albumId = album, expiresAt = DateTime.UtcNow.AddSeconds(2) });
        var revoked = await ShareAsync(owner, new { albumId = album });
        await api.SendAsync(HttpMethod.Delete, $"/api/shares/{revoked}", token: owner.AccessToken);

        var withoutCode = await api.SendAsync(HttpMethod.Get, $"/s/{coded}/download");
        var session = (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, $"/s/{coded}/unlock", new { code = "let-me-in" })))
            .GetProperty("shareSession").GetString();
        using var unlocked = new HttpRequestMessage(HttpMethod.Get, $"/s/{coded}/download");
        unlocked.Headers.Add("X-Share-Session", session);
        var withCode = await api.Http.SendAsync(unlocked);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var expired = await api.SendAsync(HttpMethod.Get, $"/s/{expiring}/download");
        var gone = await api.SendAsync(HttpMethod.Get, $"/s/{revoked}/download");
        var unknown = await api.SendAsync(HttpMethod.Get, $"/s/{new string('A', 43)}/download");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(withoutCode)).GetProperty("codeRequired").GetBoolean());
        Assert.Equal(["one.jpg"], (await ZipEntries.OfAsync(withCode)).Keys);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static byte[] Tagged(string sample) => DatedPhotos.Bytes(sample, "2024:07:01 09:00:00", ("exif-ifd0-Model", "Pixelmaster 9"));

    private async Task<string> AlbumAsync(SignedInUser owner, string name) =>
        (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name }, owner.AccessToken))).GetProperty("id").GetString()!;

    private async Task UploadAsync(SignedInUser owner, string album, string name, byte[] bytes) =>
        Assert.Equal(HttpStatusCode.Created, (await Uploads.SendAsync(api, owner.AccessToken, album, (name, bytes))).StatusCode);

    private async Task<string> ShareAsync(SignedInUser owner, object body) =>
        (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/shares", body, owner.AccessToken))).GetProperty("token").GetString()!;
}
