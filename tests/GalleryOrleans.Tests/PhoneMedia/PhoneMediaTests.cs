using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;
using NetVips;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>iPhone photos and phone videos through the real gateway, silo, libheif and ffmpeg.</summary>
public sealed class PhoneMediaTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>, IDisposable
{
    private readonly ApiClient api = new(cluster);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_heic_photo_gets_its_upright_size_exif_and_thumbnails()
    {
        var user = await api.NewUserAsync();
        var heic = await PhoneFixtures.UprightHeicAsync(folder);

        var media = await UploadAsync(user.AccessToken, "IMG_0001.HEIC", heic);
        var id = media.GetProperty("id").GetString();
        var large = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/thumbnail?size=1024", token: user.AccessToken);
        var small = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/thumbnail?size=256", token: user.AccessToken);
        var original = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/content", token: user.AccessToken);

        Assert.Equal(("image", "image/heic"), (media.GetProperty("type").GetString(), media.GetProperty("contentType").GetString()));
        Assert.Equal((480, 640), (media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()));
        Assert.Equal(DateTime.Parse(PhoneFixtures.TakenAtUtc).ToUniversalTime(), media.GetProperty("takenAt").GetDateTime().ToUniversalTime());
        Assert.Equal(("Apple", "iPhone 15 Pro"), (media.GetProperty("cameraMake").GetString(), media.GetProperty("cameraModel").GetString()));
        Assert.Equal(PhoneFixtures.Latitude, media.GetProperty("latitude").GetDouble(), 4);
        Assert.Equal(PhoneFixtures.Longitude, media.GetProperty("longitude").GetDouble(), 4);
        using var preview = Image.NewFromBuffer(await large.Content.ReadAsByteArrayAsync());
        using var thumbnail = Image.NewFromBuffer(await small.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/webp", large.Content.Headers.ContentType?.MediaType);
        Assert.Equal((480, 640), (preview.Width, preview.Height));
        Assert.Equal((192, 256), (thumbnail.Width, thumbnail.Height));
        Assert.True(preview.Crop(0, 0, 480, 280).Avg() > 230, "the bright half should be on top, turned once, not twice");
        Assert.True(preview.Crop(0, 360, 480, 280).Avg() < 25, "the dark half should be at the bottom");
        Assert.Equal(heic, await original.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_heif_file_of_several_images_shows_its_primary_image()
    {
        var user = await api.NewUserAsync();

        var media = await UploadAsync(user.AccessToken, "burst.heic", await PhoneFixtures.BurstHeicAsync(folder));

        Assert.Equal((640, 480), (media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()));
    }

    [Fact]
    public async Task An_hevc_mov_gets_a_poster_its_facts_and_an_h264_rendition_made_in_the_background()
    {
        var user = await api.NewUserAsync();
        var mov = await PhoneFixtures.HevcMovAsync(folder);

        var media = await UploadAsync(user.AccessToken, "IMG_0002.MOV", mov);
        var id = media.GetProperty("id").GetString();
        var whilePending = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken);
        var poster = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/thumbnail?size=256", token: user.AccessToken);

        Assert.Equal(("video", "video/quicktime"), (media.GetProperty("type").GetString(), media.GetProperty("contentType").GetString()));
        Assert.Equal("hevc", media.GetProperty("videoCodec").GetString());
        Assert.InRange(media.GetProperty("durationMs").GetInt64(), 1900, 2100);
        Assert.Equal((240, 320), (media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()));
        Assert.Equal(DateTime.Parse(PhoneFixtures.TakenAtUtc).ToUniversalTime(), media.GetProperty("takenAt").GetDateTime().ToUniversalTime());
        Assert.Equal(PhoneFixtures.Latitude, media.GetProperty("latitude").GetDouble(), 4);
        Assert.Equal(PhoneFixtures.Longitude, media.GetProperty("longitude").GetDouble(), 4);
        Assert.Equal("pending", media.GetProperty("playback").GetString());
        Assert.Equal(HttpStatusCode.Conflict, whilePending.StatusCode);
        using var posterImage = Image.NewFromBuffer(await poster.Content.ReadAsByteArrayAsync());
        Assert.Equal((192, 256), (posterImage.Width, posterImage.Height));

        var ready = await PlaybackSettledAsync(user.AccessToken, id!);
        var rendition = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken);
        var bytes = await rendition.Content.ReadAsByteArrayAsync();
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}/playback");
        ranged.Headers.Authorization = new("Bearer", user.AccessToken);
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        var partial = await api.Http.SendAsync(ranged);
        var download = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/content", token: user.AccessToken);

        Assert.Equal("ready", ready.GetProperty("playback").GetString());
        Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);
        Assert.Equal("video/mp4", rendition.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[..100], await partial.Content.ReadAsByteArrayAsync());
        Assert.True(bytes.AsSpan().IndexOf("moov"u8) < bytes.AsSpan().IndexOf("mdat"u8), "+faststart puts the index before the media data");
        var path = folder.File("rendition.mp4");
        await File.WriteAllBytesAsync(path, bytes);
        var stream = await PhoneFixtures.ProbeVideoAsync(path);
        Assert.Equal("h264", stream.GetProperty("codec_name").GetString());
        Assert.Equal("yuv420p", stream.GetProperty("pix_fmt").GetString());
        Assert.Equal((240, 320), (stream.GetProperty("width").GetInt32(), stream.GetProperty("height").GetInt32()));
        Assert.Equal(mov, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_shared_video_plays_its_rendition_for_the_link_holder()
    {
        var user = await api.NewUserAsync();
        var id = (await UploadAsync(user.AccessToken, "clip.mov", await PhoneFixtures.HevcMovAsync(folder))).GetProperty("id").GetString()!;
        var share = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = id }, user.AccessToken));
        var token = share.GetProperty("token").GetString();

        await PlaybackSettledAsync(user.AccessToken, id);
        var played = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{id}/playback");
        var owners = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal(await owners.Content.ReadAsByteArrayAsync(), await played.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_h264_mp4_plays_as_uploaded_at_once()
    {
        var user = await api.NewUserAsync();
        var mp4 = await PhoneFixtures.H264Mp4Async(folder);

        var media = await UploadAsync(user.AccessToken, "clip.mp4", mp4);
        var playback = await api.SendAsync(HttpMethod.Get, $"/api/media/{media.GetProperty("id").GetString()}/playback", token: user.AccessToken);

        Assert.Equal(("ready", "h264"), (media.GetProperty("playback").GetString(), media.GetProperty("videoCodec").GetString()));
        Assert.Equal((320, 240), (media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()));
        Assert.Equal("video/mp4", playback.Content.Headers.ContentType?.MediaType);
        Assert.Equal(mp4, await playback.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_vp9_webm_plays_as_uploaded_at_once()
    {
        var user = await api.NewUserAsync();
        var webm = await PhoneFixtures.Vp9WebmAsync(folder);

        var media = await UploadAsync(user.AccessToken, "clip.webm", webm);
        var playback = await api.SendAsync(HttpMethod.Get, $"/api/media/{media.GetProperty("id").GetString()}/playback", token: user.AccessToken);

        Assert.Equal(("ready", "vp9", "video/webm"),
            (media.GetProperty("playback").GetString(), media.GetProperty("videoCodec").GetString(), media.GetProperty("contentType").GetString()));
        Assert.Equal(webm, await playback.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_photo_has_no_playback()
    {
        var user = await api.NewUserAsync();
        var id = (await Uploads.PhotoAsync(api, user.AccessToken)).GetProperty("id").GetString();

        var playback = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, playback.StatusCode);
    }

    public static TheoryData<string> CorruptFiles() => ["truncated.heic", "garbled.heic", "truncated.mov", "headeronly.mp4"];

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public async Task Corrupt_phone_media_is_refused_with_a_reason_and_leaves_nothing_behind(string name)
    {
        var user = await api.NewUserAsync();
        var bytes = name switch
        {
            "truncated.heic" => (await PhoneFixtures.UprightHeicAsync(folder)) is var heic ? heic[..(heic.Length / 2)] : [],
            "garbled.heic" => Garbled(await PhoneFixtures.UprightHeicAsync(folder)),
            "truncated.mov" => (await PhoneFixtures.HevcMovAsync(folder))[..2000],
            _ => [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isommp41"u8, .. new byte[5000]],
        };

        var response = await Uploads.SendAsync(api, user.AccessToken, ("good.jpg", SamplePhotos.Bytes("chelsea.jpg")), (name, bytes));
        var problem = await ApiClient.ReadJsonAsync(response);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Matches("decoded|readable|frame", problem.GetProperty("detail").GetString());
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Empty(Directory.Exists(GalleryBucket(user.Id)) ? Directory.GetFiles(GalleryBucket(user.Id), "*", SearchOption.AllDirectories) : []);
    }

    // The coded picture's bytes overwritten: the container still parses, the HEVC stream does not decode.
    private static byte[] Garbled(byte[] heic)
    {
        var mdat = heic.AsSpan().IndexOf("mdat"u8);
        Array.Fill(heic, (byte)0xFF, mdat + 8, heic.Length - mdat - 8);
        return heic;
    }

    private string GalleryBucket(string userId) =>
        Path.Combine(cluster.DataDirectory, "objects", "buckets", "gallery-" + Guid.Parse(userId).ToString("N"));

    private async Task<JsonElement> UploadAsync(string token, string name, byte[] bytes) =>
        (await PhoneApi.UploadAsync(api, token, (name, bytes)))[0];

    private Task<JsonElement> PlaybackSettledAsync(string token, string id) => PhoneApi.PlaybackSettledAsync(api, token, id);
}
