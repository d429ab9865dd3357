using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>
/// iPhone Live Photos through the real gateway, silo, libheif and ffmpeg: a still and a .mov sharing Apple's content
/// identifier become one photo whose motion part plays, whichever order they arrive in, and a failed upload undoes
/// only what it made; a Google or Samsung motion photo's embedded MP4 plays the same way, for share visitors as a
/// copy without metadata.
/// </summary>
public sealed class LivePhotoTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>, IDisposable
{
    private readonly ApiClient api = new(cluster);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_heic_and_its_mov_uploaded_together_are_one_photo_whose_motion_plays_and_downloads()
    {
        var user = await api.NewUserAsync();
        var identifier = LivePhotoFixtures.NewIdentifier();
        var heic = await LivePhotoFixtures.StillHeicAsync(folder, identifier);
        var mov = await LivePhotoFixtures.MotionMovAsync(folder, identifier);

        var items = await PhoneApi.UploadAsync(api, user.AccessToken, ("IMG_0004.HEIC", heic), ("IMG_0004.MOV", mov));

        var photo = Assert.Single(items.EnumerateArray());
        var id = photo.GetProperty("id").GetString()!;
        Assert.Equal(("image", "image/heic"), (photo.GetProperty("type").GetString(), photo.GetProperty("contentType").GetString()));
        Assert.Equal("hevc", photo.GetProperty("motion").GetProperty("videoCodec").GetString());
        Assert.InRange(photo.GetProperty("motion").GetProperty("durationMs").GetInt64(), 900, 1100);
        Assert.Equal(JsonValueKind.Null, photo.GetProperty("playback").ValueKind);
        Assert.Single(await ListedIdsAsync(user.AccessToken));

        var settled = await PhoneApi.PlaybackSettledAsync(api, user.AccessToken, id, Motion);
        var played = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken);
        var motion = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/motion", token: user.AccessToken);
        var still = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/content", token: user.AccessToken);

        Assert.Equal("ready", Motion(settled));
        Assert.Equal("video/mp4", played.Content.Headers.ContentType?.MediaType);
        var rendition = folder.File("motion.mp4");
        await File.WriteAllBytesAsync(rendition, await played.Content.ReadAsByteArrayAsync());
        Assert.Equal("h264", (await PhoneFixtures.ProbeVideoAsync(rendition)).GetProperty("codec_name").GetString());
        Assert.Equal(mov, await motion.Content.ReadAsByteArrayAsync());
        Assert.Equal(heic, await still.Content.ReadAsByteArrayAsync());

        var share = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = id }, user.AccessToken));
        var shared = await api.SendAsync(HttpMethod.Get, $"/s/{share.GetProperty("token").GetString()}/media/{id}/playback");
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);

        // Deleting moves both parts to the trash; emptying it removes every file of both.
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, $"/api/media/{id}", token: user.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, "/api/trash", token: user.AccessToken)).StatusCode);
        Assert.Empty(Directory.GetFiles(GalleryBucket(user.Id), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_mov_uploaded_before_its_jpeg_becomes_the_motion_part_of_the_photo_and_no_video_is_left()
    {
        var user = await api.NewUserAsync();
        var identifier = LivePhotoFixtures.NewIdentifier();
        var mov = await LivePhotoFixtures.MotionMovAsync(folder, identifier, hevc: false);

        var video = (await PhoneApi.UploadAsync(api, user.AccessToken, ("IMG_0005.MOV", mov)))[0];
        var photo = (await PhoneApi.UploadAsync(api, user.AccessToken, ("IMG_0005.JPG", LivePhotoFixtures.StillJpeg(identifier))))[0];
        var id = photo.GetProperty("id").GetString()!;
        var videoNow = await api.SendAsync(HttpMethod.Get, $"/api/media/{video.GetProperty("id").GetString()}", token: user.AccessToken);

        Assert.Equal("video", video.GetProperty("type").GetString());
        Assert.Equal("image", photo.GetProperty("type").GetString());
        Assert.Equal("h264", photo.GetProperty("motion").GetProperty("videoCodec").GetString());
        Assert.Equal(HttpStatusCode.NotFound, videoNow.StatusCode);
        Assert.Equal([id], await ListedIdsAsync(user.AccessToken));
        Assert.Equal("ready", Motion(await PhoneApi.PlaybackSettledAsync(api, user.AccessToken, id, Motion)));
        Assert.Equal(mov, await (await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/motion", token: user.AccessToken)).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_mov_uploaded_after_its_photo_joins_it_and_the_upload_answers_the_photo()
    {
        var user = await api.NewUserAsync();
        var identifier = LivePhotoFixtures.NewIdentifier();
        var photo = (await PhoneApi.UploadAsync(api, user.AccessToken, ("IMG_0006.HEIC", await LivePhotoFixtures.StillHeicAsync(folder, identifier))))[0];

        var joined = (await PhoneApi.UploadAsync(api, user.AccessToken, ("IMG_0006.MOV", await LivePhotoFixtures.MotionMovAsync(folder, identifier))))[0];

        Assert.Equal(JsonValueKind.Null, photo.GetProperty("motion").ValueKind);
        Assert.Equal(photo.GetProperty("id").GetString(), joined.GetProperty("id").GetString());
        Assert.Equal("hevc", joined.GetProperty("motion").GetProperty("videoCodec").GetString());
        Assert.Equal([photo.GetProperty("id").GetString()!], await ListedIdsAsync(user.AccessToken));
    }

    [Fact]
    public async Task Parts_with_other_identifiers_or_of_another_user_stay_media_of_their_own()
    {
        var owner = await api.NewUserAsync();
        var stranger = await api.NewUserAsync();
        var identifier = LivePhotoFixtures.NewIdentifier();
        await PhoneApi.UploadAsync(api, owner.AccessToken, ("IMG_0007.JPG", LivePhotoFixtures.StillJpeg(identifier)));

        var strangers = await PhoneApi.UploadAsync(api, stranger.AccessToken, ("IMG_0007.MOV", await LivePhotoFixtures.MotionMovAsync(folder, identifier)));
        var others = await PhoneApi.UploadAsync(api, owner.AccessToken, ("IMG_0008.MOV", await LivePhotoFixtures.MotionMovAsync(folder, LivePhotoFixtures.NewIdentifier())));

        Assert.Equal("video", strangers[0].GetProperty("type").GetString());
        Assert.Equal("video", others[0].GetProperty("type").GetString());
        Assert.Equal(2, (await ListedIdsAsync(owner.AccessToken)).Count);
        Assert.Single(await ListedIdsAsync(stranger.AccessToken));
    }

    [Theory]
    [InlineData("PXL_0001.MP.jpg", false)]
    [InlineData("20260601_120000.jpg", true)]
    public async Task A_google_or_samsung_motion_photo_is_a_photo_whose_embedded_mp4_plays(string name, bool samsung)
    {
        var user = await api.NewUserAsync();
        var video = await PhoneFixtures.H264Mp4Async(folder);
        var jpeg = samsung ? LivePhotoFixtures.SamsungMotionPhoto(video) : LivePhotoFixtures.GoogleMotionPhoto(video);

        var photo = (await PhoneApi.UploadAsync(api, user.AccessToken, (name, jpeg)))[0];
        var id = photo.GetProperty("id").GetString()!;
        var played = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken);
        var motion = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/motion", token: user.AccessToken);
        var content = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/content", token: user.AccessToken);

        Assert.Equal(("image", "image/jpeg"), (photo.GetProperty("type").GetString(), photo.GetProperty("contentType").GetString()));
        Assert.Equal(("h264", "ready"), (photo.GetProperty("motion").GetProperty("videoCodec").GetString(), Motion(photo)));
        Assert.Equal((320, 240), (photo.GetProperty("width").GetInt32(), photo.GetProperty("height").GetInt32()));
        Assert.Equal(video, await played.Content.ReadAsByteArrayAsync());
        Assert.Equal(video, await motion.Content.ReadAsByteArrayAsync());
        Assert.Equal(jpeg, await content.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_visitor_of_a_link_without_originals_plays_a_motion_photos_video_without_its_position_and_device()
    {
        var owner = await api.NewUserAsync();
        var video = await TaggedVideo.Mp4Async(folder);
        var photo = (await PhoneApi.UploadAsync(api, owner.AccessToken, ("PXL_0002.MP.jpg", LivePhotoFixtures.GoogleMotionPhoto(video))))[0];
        var id = photo.GetProperty("id").GetString()!;
        var share = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = id }, owner.AccessToken));
        var token = share.GetProperty("token").GetString();

        var opened = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{token}"));
        var played = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{id}/playback");
        var copy = await played.Content.ReadAsByteArrayAsync();
        var again = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{id}/playback");
        var ownersPlayback = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: owner.AccessToken);

        Assert.Equal("ready", Motion(opened.GetProperty("items")[0]));
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal("video/mp4", played.Content.Headers.ContentType?.MediaType);
        Assert.False(TaggedVideo.TellsWhereOrWithWhat(await TaggedVideo.TagsAsync(folder, copy)), string.Join(", ", await TaggedVideo.TagsAsync(folder, copy)));
        Assert.Equal(-1, copy.AsSpan().IndexOf("Pixelmaster"u8));
        Assert.Equal(-1, copy.AsSpan().IndexOf("+48.8584"u8));
        Assert.Equal("h264", (await PhoneFixtures.ProbeVideoAsync(await SaveAsync(copy))).GetProperty("codec_name").GetString());
        Assert.Equal(copy, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(video, await ownersPlayback.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_failed_upload_gives_back_the_mov_of_an_earlier_request_that_one_of_its_photos_took_over()
    {
        var user = await api.NewUserAsync();
        var identifier = LivePhotoFixtures.NewIdentifier();
        var mov = await LivePhotoFixtures.MotionMovAsync(folder, identifier, hevc: false);
        var video = (await PhoneApi.UploadAsync(api, user.AccessToken, ("IMG_0009.MOV", mov)))[0];
        var videoId = video.GetProperty("id").GetString()!;
        await PhoneApi.PlaybackSettledAsync(api, user.AccessToken, videoId);
        var filesBefore = Uploads.StoredFiles(cluster, user.Id).Order().ToList();

        var failed = await Uploads.SendAsync(api, user.AccessToken, ("IMG_0009.JPG", LivePhotoFixtures.StillJpeg(identifier)), ("notes.txt", "not a photo"u8.ToArray()));
        var videoAfter = await api.SendAsync(HttpMethod.Get, $"/api/media/{videoId}", token: user.AccessToken);
        var movAfter = await api.SendAsync(HttpMethod.Get, $"/api/media/{videoId}/content", token: user.AccessToken);
        var thumbnail = await api.SendAsync(HttpMethod.Get, $"/api/media/{videoId}/thumbnail?size=256", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, videoAfter.StatusCode);
        Assert.Equal("video", (await ApiClient.ReadJsonAsync(videoAfter)).GetProperty("type").GetString());
        Assert.Equal(mov, await movAfter.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal([videoId], await ListedIdsAsync(user.AccessToken));
        Assert.Equal(filesBefore, Uploads.StoredFiles(cluster, user.Id).Order().ToList());

        // The video still waits for its photo: the next upload of it pairs as before.
        var photo = (await PhoneApi.UploadAsync(api, user.AccessToken, ("IMG_0009.JPG", LivePhotoFixtures.StillJpeg(identifier))))[0];
        Assert.Equal("h264", photo.GetProperty("motion").GetProperty("videoCodec").GetString());
        Assert.Equal([photo.GetProperty("id").GetString()!], await ListedIdsAsync(user.AccessToken));
    }

    [Fact]
    public async Task A_failed_upload_that_paired_a_mov_and_a_photo_of_its_own_leaves_nothing()
    {
        var user = await api.NewUserAsync();
        var identifier = LivePhotoFixtures.NewIdentifier();
        var mov = await LivePhotoFixtures.MotionMovAsync(folder, identifier, hevc: false);

        var failed = await Uploads.SendAsync(api, user.AccessToken,
            ("IMG_0010.MOV", mov), ("IMG_0010.JPG", LivePhotoFixtures.StillJpeg(identifier)), ("notes.txt", "not a photo"u8.ToArray()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, failed.StatusCode);
        Assert.Empty(await ListedIdsAsync(user.AccessToken));
        Assert.Empty(await StoredFilesOnceTranscodesEndAsync(user.Id));
    }

    // The .mov's rendition may still be in the making when the request fails; a rendition finished for a media that
    // is gone is deleted by its job. So this waits for the files to go, and answers what is left after 5 minutes.
    private async Task<List<string>> StoredFilesOnceTranscodesEndAsync(string userId)
    {
        for (var started = DateTime.UtcNow; DateTime.UtcNow - started < TimeSpan.FromMinutes(5) && Uploads.StoredFiles(cluster, userId).Count > 0;)
        {
            await Task.Delay(200);
        }
        return Uploads.StoredFiles(cluster, userId);
    }

    private async Task<string> SaveAsync(byte[] bytes)
    {
        var path = folder.File(Guid.NewGuid().ToString("N") + ".mp4");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private static string? Motion(JsonElement media) => media.GetProperty("motion").GetProperty("playback").GetString();

    private async Task<List<string>> ListedIdsAsync(string token)
    {
        var page = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: token));
        return [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
    }

    private string GalleryBucket(string userId) =>
        Path.Combine(cluster.DataDirectory, "objects", "buckets", "gallery-" + Guid.Parse(userId).ToString("N"));
}
