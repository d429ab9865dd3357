using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// Lens, exposure and place read from a photo's EXIF and XMP at upload, through the real gateway and catalog: the
/// owner's media JSON carries them (also after a stay in the trash), a link holder's JSON and copy carry none of them.
/// </summary>
public sealed class CaptureFactsTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    private async Task<JsonElement> UploadCapturedAsync(SignedInUser user)
    {
        var response = await Uploads.SendAsync(api, user.AccessToken, ("paris.jpg", CapturedPhoto.Jpeg()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0];
    }

    [Fact]
    public async Task The_owner_sees_lens_exposure_and_place_of_an_uploaded_photo()
    {
        var user = await api.NewUserAsync();

        var uploaded = await UploadCapturedAsync(user);
        var id = uploaded.GetProperty("id").GetString()!;
        var fetched = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/api/media/{id}", token: user.AccessToken));
        var listed = (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken))).GetProperty("items")[0];

        foreach (var media in new[] { uploaded, fetched, listed })
        {
            Assert.Equal(CapturedPhoto.Lens, media.GetProperty("lens").GetString());
            Assert.Equal(1.0 / 250, media.GetProperty("exposureTime").GetDouble(), 9);
            Assert.Equal(1.4, media.GetProperty("fNumber").GetDouble(), 9);
            Assert.Equal(200, media.GetProperty("iso").GetInt32());
            Assert.Equal(35, media.GetProperty("focalLength").GetDouble(), 9);
            Assert.Equal(CapturedPhoto.Place, media.GetProperty("place").GetString());
        }
    }

    [Fact]
    public async Task A_photo_without_them_has_nulls_and_a_restored_photo_keeps_them()
    {
        var user = await api.NewUserAsync();
        var plain = await Uploads.PhotoAsync(api, user.AccessToken);
        var id = (await UploadCapturedAsync(user)).GetProperty("id").GetString()!;

        await api.SendAsync(HttpMethod.Delete, $"/api/media/{id}", token: user.AccessToken);
        var restored = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { id } }, user.AccessToken);
        var media = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/api/media/{id}", token: user.AccessToken));

        foreach (var field in new[] { "lens", "exposureTime", "fNumber", "iso", "focalLength", "place" })
        {
            Assert.Equal(JsonValueKind.Null, plain.GetProperty(field).ValueKind);
        }
        Assert.True(restored.IsSuccessStatusCode, restored.StatusCode.ToString());
        Assert.Equal(CapturedPhoto.Place, media.GetProperty("place").GetString());
        Assert.Equal(CapturedPhoto.Lens, media.GetProperty("lens").GetString());
    }

    [Fact]
    public async Task A_link_holder_gets_no_lens_exposure_or_place_in_the_json_or_the_copy()
    {
        var user = await api.NewUserAsync();
        var id = (await UploadCapturedAsync(user)).GetProperty("id").GetString()!;
        var share = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = id }, user.AccessToken));
        var token = share.GetProperty("token").GetString();

        var opened = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{token}"));
        var copy = await (await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{id}/content")).Content.ReadAsByteArrayAsync();

        var item = opened.GetProperty("items")[0];
        foreach (var field in new[] { "lens", "exposureTime", "fNumber", "iso", "focalLength", "place" })
        {
            Assert.False(item.TryGetProperty(field, out _), $"share items must not carry {field}");
        }
        Assert.DoesNotContain("Montmartre", opened.GetRawText());
        Assert.Equal(-1, copy.AsSpan().IndexOf("Montmartre"u8));
        Assert.Equal(-1, copy.AsSpan().IndexOf("Acme 35mm"u8));
    }
}
