using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;
using NetVips;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// Share visitors get the pictures, not the owner's location, camera or filing: a copy without metadata unless the
/// link includes originals, and share JSON without album ids, favourites or hashes.
/// </summary>
public sealed class SharedCopyTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Visitors_download_an_upright_copy_without_position_or_camera_while_the_owner_keeps_the_original()
    {
        var owner = await api.NewUserAsync();
        var original = TaggedJpeg();
        var media = await UploadAsync(owner, original);
        var share = await CreateShareAsync(owner, new { mediaId = media });
        var token = share.GetProperty("token").GetString()!;

        var first = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        var copy = await first.Content.ReadAsByteArrayAsync();
        var again = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        ranged.Headers.Range = new RangeHeaderValue(100, 1123);
        var part = await api.Http.SendAsync(ranged);
        var ownersBytes = await (await api.SendAsync(HttpMethod.Get, $"/api/media/{media}/content", token: owner.AccessToken)).Content.ReadAsByteArrayAsync();
        var library = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: owner.AccessToken));
        using var decoded = Image.NewFromBuffer(copy);
        using var originalImage = Image.NewFromBuffer(original);

        Assert.False(share.GetProperty("includeOriginals").GetBoolean());
        Assert.True(original.AsSpan().IndexOf("Pixelmaster"u8) >= 0, "the original names its camera");
        Assert.True(Has(originalImage, "exif-ifd3-GPSLatitude"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/jpeg", first.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(original, copy);
        Assert.False(Has(decoded, "exif-data"), "exif-data must be gone");
        Assert.False(Has(decoded, "exif-ifd3-GPSLatitude"), "exif-ifd3-GPSLatitude must be gone");
        Assert.False(Has(decoded, "exif-ifd0-Make"), "exif-ifd0-Make must be gone");
        Assert.False(Has(decoded, "xmp-data"), "xmp-data must be gone");
        Assert.False(Has(decoded, "iptc-data"), "iptc-data must be gone");
        Assert.Equal(-1, copy.AsSpan().IndexOf("Pixelmaster"u8));
        Assert.Equal(-1, copy.AsSpan().IndexOf("SN-0042"u8));
        Assert.Equal((600, 868), (decoded.Width, decoded.Height));
        Assert.Equal(copy, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(copy[100..1124], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-1123/{copy.Length}", part.Content.Headers.ContentRange?.ToString());
        Assert.Equal(original, ownersBytes);
        Assert.Single(library.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_link_that_includes_originals_serves_the_uploaded_bytes()
    {
        var owner = await api.NewUserAsync();
        var original = TaggedJpeg();
        var media = await UploadAsync(owner, original);
        var share = await CreateShareAsync(owner, new { mediaId = media, includeOriginals = true });
        var token = share.GetProperty("token").GetString()!;

        var content = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/shares", token: owner.AccessToken));

        Assert.True(share.GetProperty("includeOriginals").GetBoolean());
        Assert.True(listed.GetProperty("items")[0].GetProperty("includeOriginals").GetBoolean());
        Assert.Equal(original, await content.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_owner_turns_include_originals_on_and_off_with_the_share_patch()
    {
        var owner = await api.NewUserAsync();
        var original = TaggedJpeg();
        var media = await UploadAsync(owner, original);
        var token = (await CreateShareAsync(owner, new { mediaId = media })).GetProperty("token").GetString()!;
        var stripped = await (await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content")).Content.ReadAsByteArrayAsync();

        var opened = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { includeOriginals = true }, owner.AccessToken);
        var whileOpen = await (await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content")).Content.ReadAsByteArrayAsync();
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/shares", token: owner.AccessToken));
        var renamedOnly = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { accessCode = "secret-code" }, owner.AccessToken);
        var closed = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { includeOriginals = false, accessCode = (string?)null }, owner.AccessToken);
        var afterClose = await (await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content")).Content.ReadAsByteArrayAsync();
        var notABoolean = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { includeOriginals = "yes" }, owner.AccessToken);
        var stranger = await api.NewUserAsync();
        var notTheirs = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { includeOriginals = true }, stranger.AccessToken);

        Assert.NotEqual(original, stripped);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(opened)).GetProperty("includeOriginals").GetBoolean());
        Assert.Equal(original, whileOpen);
        Assert.True(listed.GetProperty("items")[0].GetProperty("includeOriginals").GetBoolean());
        Assert.True((await ApiClient.ReadJsonAsync(renamedOnly)).GetProperty("includeOriginals").GetBoolean(), "a patch without the field keeps it");
        Assert.False((await ApiClient.ReadJsonAsync(closed)).GetProperty("includeOriginals").GetBoolean());
        Assert.Equal(stripped, afterClose);
        Assert.Equal(HttpStatusCode.BadRequest, notABoolean.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    [Fact]
    public async Task Share_json_leaves_out_album_ids_favourites_hashes_camera_and_position()
    {
        var owner = await api.NewUserAsync();
        var album = (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Trip" }, owner.AccessToken)))
            .GetProperty("id").GetString()!;
        var uploaded = await Uploads.SendAsync(api, owner.AccessToken, album, ("tagged.jpg", TaggedJpeg()));
        var media = (await ApiClient.ReadJsonAsync(uploaded)).GetProperty("items")[0].GetProperty("id").GetString()!;
        await api.SendAsync(HttpMethod.Patch, $"/api/media/{media}", new { isFavorite = true }, owner.AccessToken);
        var token = (await CreateShareAsync(owner, new { albumId = album })).GetProperty("token").GetString()!;

        var opened = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{token}"));
        var item = Assert.Single(opened.GetProperty("items").EnumerateArray());
        var sharedAlbum = opened.GetProperty("album");

        Assert.Equal(media, item.GetProperty("id").GetString());
        Assert.Equal("tagged.jpg", item.GetProperty("name").GetString());
        Assert.Equal(600, item.GetProperty("width").GetInt32());
        foreach (var hidden in new[] { "albumIds", "isFavorite", "hash", "cameraMake", "cameraModel", "latitude", "longitude" })
        {
            Assert.False(item.TryGetProperty(hidden, out _), $"share items must not carry {hidden}");
        }
        Assert.Equal("Trip", sharedAlbum.GetProperty("name").GetString());
        Assert.False(sharedAlbum.TryGetProperty("id", out _), "the shared album must not carry the owner's album id");
        Assert.DoesNotContain(album, opened.GetRawText());
    }

    /// <summary>A photo turned by EXIF orientation 6, with a camera, a serial number and a position.</summary>
    private static byte[] TaggedJpeg()
    {
        using var photo = TestImages.LoadPhoto("building.jpg");
        using var tagged = TestImages.WithExif(photo, 6,
            ("exif-ifd0-Make", "Acme"),
            ("exif-ifd0-Model", "Pixelmaster 9"),
            ("exif-ifd2-BodySerialNumber", "SN-0042-7731"),
            ("exif-ifd3-GPSLatitude", "51/1 30/1 2628/100"),
            ("exif-ifd3-GPSLatitudeRef", "N"),
            ("exif-ifd3-GPSLongitude", "0/1 7/1 3900/100"),
            ("exif-ifd3-GPSLongitudeRef", "W"));
        return tagged.JpegsaveBuffer(q: 90);
    }

    private static bool Has(Image image, string field) => image.GetTypeOf(field) != 0;

    private async Task<string> UploadAsync(SignedInUser owner, byte[] bytes)
    {
        var response = await Uploads.SendAsync(api, owner.AccessToken, ("tagged.jpg", bytes));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> CreateShareAsync(SignedInUser owner, object body)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/shares", body, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ApiClient.ReadJsonAsync(response);
    }
}
