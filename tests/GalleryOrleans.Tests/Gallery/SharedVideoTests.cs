using System.Net;
using System.Net.Http.Headers;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// A shared video reaches visitors as a copy without where and with what it was filmed, for download and for playing,
/// while the owner keeps the original; the share JSON tells visitors what the owner's JSON tells about a video.
/// </summary>
public sealed class SharedVideoTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>, IDisposable
{
    private readonly ApiClient api = new(cluster);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Visitors_download_and_play_a_copy_without_position_make_or_model_while_the_owner_keeps_them()
    {
        var owner = await api.NewUserAsync();
        var original = await TaggedVideo.Mp4Async(folder);
        var media = await UploadAsync(owner, original);
        var token = await ShareAsync(owner, media);

        var first = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        var copy = await first.Content.ReadAsByteArrayAsync();
        var again = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        ranged.Headers.Range = new RangeHeaderValue(1000, 5095);
        var part = await api.Http.SendAsync(ranged);
        var played = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/playback");
        var playedBytes = await played.Content.ReadAsByteArrayAsync();
        var ownersBytes = await (await api.SendAsync(HttpMethod.Get, $"/api/media/{media}/content", token: owner.AccessToken)).Content.ReadAsByteArrayAsync();

        Assert.True(TaggedVideo.TellsWhereOrWithWhat(await TaggedVideo.TagsAsync(folder, original)), "the original tells where and with what");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("video/mp4", first.Content.Headers.ContentType?.MediaType);
        Assert.False(TaggedVideo.TellsWhereOrWithWhat(await TaggedVideo.TagsAsync(folder, copy)),
            string.Join(", ", await TaggedVideo.TagsAsync(folder, copy)));
        Assert.Equal(-1, copy.AsSpan().IndexOf("Pixelmaster"u8));
        Assert.Equal(-1, copy.AsSpan().IndexOf("+48.8584"u8));
        Assert.Equal(-1, copy.AsSpan().IndexOf("Acme"u8));
        Assert.Equal(("h264", 320), await VideoStreamAsync(copy));
        Assert.Equal(copy, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(copy[1000..5096], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.False(TaggedVideo.TellsWhereOrWithWhat(await TaggedVideo.TagsAsync(folder, playedBytes)));
        Assert.Equal(-1, playedBytes.AsSpan().IndexOf("Pixelmaster"u8));
        Assert.Equal(original, ownersBytes);
        Assert.True(TaggedVideo.TellsWhereOrWithWhat(await TaggedVideo.TagsAsync(folder, ownersBytes)));
    }

    [Fact]
    public async Task Share_json_carries_the_video_fields_but_nothing_private()
    {
        var owner = await api.NewUserAsync();
        var media = await UploadAsync(owner, await TaggedVideo.Mp4Async(folder));
        var token = await ShareAsync(owner, media);

        var opened = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{token}"));
        var item = Assert.Single(opened.GetProperty("items").EnumerateArray());

        Assert.Equal("video", item.GetProperty("type").GetString());
        Assert.InRange(item.GetProperty("durationMs").GetInt64(), 1900, 2100);
        Assert.Equal("h264", item.GetProperty("videoCodec").GetString());
        Assert.Equal("ready", item.GetProperty("playback").GetString());
        foreach (var hidden in new[] { "albumIds", "isFavorite", "hash", "cameraMake", "cameraModel", "latitude", "longitude" })
        {
            Assert.False(item.TryGetProperty(hidden, out _), $"share items must not carry {hidden}");
        }
        Assert.DoesNotContain(TaggedVideo.Model, opened.GetRawText());
    }

    public void Dispose() => folder.Dispose();

    private async Task<(string Codec, int Width)> VideoStreamAsync(byte[] video)
    {
        var path = folder.File(Guid.NewGuid().ToString("N") + ".mp4");
        await File.WriteAllBytesAsync(path, video);
        var stream = await PhoneMedia.PhoneFixtures.ProbeVideoAsync(path);
        return (stream.GetProperty("codec_name").GetString()!, stream.GetProperty("width").GetInt32());
    }

    private async Task<string> UploadAsync(SignedInUser owner, byte[] video)
    {
        var response = await Uploads.SendAsync(api, owner.AccessToken, ("clip.mp4", video));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private async Task<string> ShareAsync(SignedInUser owner, string media)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("token").GetString()!;
    }
}
