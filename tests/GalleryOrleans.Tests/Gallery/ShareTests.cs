using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

public sealed class ShareTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task An_album_link_shows_the_albums_current_media_and_nothing_else()
    {
        var owner = await api.NewUserAsync();
        var album = await AlbumAsync(owner);
        var inside = await PhotoInAlbumAsync(owner, album, "rocket.jpg");
        var outside = (await Uploads.PhotoAsync(api, owner.AccessToken, "coffee.jpg")).GetProperty("id").GetString();

        var share = await CreateShareAsync(owner, new { albumId = album, recipientName = "Grandma", includeOriginals = true });
        var token = share.GetProperty("token").GetString()!;
        var opened = await api.SendAsync(HttpMethod.Get, $"/s/{token}");
        var body = await ApiClient.ReadJsonAsync(opened);
        var content = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{inside}/content");
        var thumbnail = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{inside}/thumbnail?size=256");
        var notShared = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{outside}/content");
        await api.SendAsync(HttpMethod.Delete, $"/api/albums/{album}/media/{inside}", token: owner.AccessToken);
        var afterRemoval = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{token}"));
        var removedContent = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{inside}/content");
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/shares", token: owner.AccessToken));

        Assert.Equal(43, token.Length);
        Assert.Equal($"http://gallery.test/s/{token}", share.GetProperty("url").GetString());
        Assert.Equal("active", share.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("album", body.GetProperty("share").GetProperty("kind").GetString());
        Assert.Equal([inside], body.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(SamplePhotos.Bytes("rocket.jpg"), await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, notShared.StatusCode);
        Assert.Empty(afterRemoval.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, removedContent.StatusCode);
        var listedShare = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(token, listedShare.GetProperty("token").GetString());
        Assert.Equal("Grandma", listedShare.GetProperty("recipientName").GetString());
        Assert.True(listedShare.GetProperty("viewCount").GetInt64() >= 2);
    }

    [Fact]
    public async Task A_media_link_shows_that_media_only_and_revoking_ends_it_at_once()
    {
        var owner = await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var other = (await Uploads.PhotoAsync(api, owner.AccessToken, "coffee.jpg")).GetProperty("id").GetString();
        var token = (await CreateShareAsync(owner, new { mediaId = media })).GetProperty("token").GetString();

        var opened = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{token}"));
        var otherContent = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{other}/content");
        var revoked = await api.SendAsync(HttpMethod.Delete, $"/api/shares/{token}", token: owner.AccessToken);
        var after = await api.SendAsync(HttpMethod.Get, $"/s/{token}");
        var afterContent = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");

        Assert.Equal("media", opened.GetProperty("share").GetProperty("kind").GetString());
        Assert.Equal(media, Assert.Single(opened.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, otherContent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterContent.StatusCode);
    }

    [Fact]
    public async Task An_access_code_is_required_unlocks_a_session_and_locks_out_after_five_wrong_codes()
    {
        var owner = await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var token = (await CreateShareAsync(owner, new { mediaId = media, accessCode = "open-sesame", includeOriginals = true })).GetProperty("token").GetString();

        var locked = await api.SendAsync(HttpMethod.Get, $"/s/{token}");
        var lockedContent = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        var wrong = await api.SendAsync(HttpMethod.Post, $"/s/{token}/unlock", new { code = "guess" });
        var unlocked = await api.SendAsync(HttpMethod.Post, $"/s/{token}/unlock", new { code = "open-sesame" });
        var session = (await ApiClient.ReadJsonAsync(unlocked)).GetProperty("shareSession").GetString()!;
        using var withSession = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        withSession.Headers.Add("X-Share-Session", session);
        var content = await api.Http.SendAsync(withSession);
        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}");
        forged.Headers.Add("X-Share-Session", session[..^3] + "AAA");
        var forgedResponse = await api.Http.SendAsync(forged);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await api.SendAsync(HttpMethod.Post, $"/s/{token}/unlock", new { code = $"wrong-{i}" })).StatusCode);
        }
        var lockedOut = await api.SendAsync(HttpMethod.Post, $"/s/{token}/unlock", new { code = "open-sesame" });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(locked)).GetProperty("codeRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, lockedContent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Contains(unlocked.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(SamplePhotos.Bytes("astronaut.jpg"), await content.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedOut.StatusCode);
        Assert.True(lockedOut.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Changing_or_removing_the_code()
    {
        var owner = await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var token = (await CreateShareAsync(owner, new { mediaId = media, accessCode = "first-code" })).GetProperty("token").GetString();
        var session = (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, $"/s/{token}/unlock", new { code = "first-code" })))
            .GetProperty("shareSession").GetString()!;

        await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { accessCode = "second-code" }, owner.AccessToken);
        using var oldSession = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}");
        oldSession.Headers.Add("X-Share-Session", session);
        var afterChange = await api.Http.SendAsync(oldSession);
        var removed = await ApiClient.ReadJsonAsync(await api.PatchRawAsync($"/api/shares/{token}", """{"accessCode":null}""", owner.AccessToken));
        var open = await api.SendAsync(HttpMethod.Get, $"/s/{token}");

        Assert.Equal(HttpStatusCode.Unauthorized, afterChange.StatusCode);
        Assert.False(removed.GetProperty("hasCode").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Bad_share_requests_and_other_users_ids_are_refused()
    {
        var owner = await api.NewUserAsync();
        var stranger = await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var token = (await CreateShareAsync(owner, new { mediaId = media })).GetProperty("token").GetString();

        var both = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media, albumId = Guid.NewGuid() }, owner.AccessToken);
        var past = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media, expiresAt = DateTime.UtcNow.AddDays(-1) }, owner.AccessToken);
        var shortCode = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media, accessCode = "abc" }, owner.AccessToken);
        var foreignMedia = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media }, stranger.AccessToken);
        var foreignPatch = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { accessCode = "takeover" }, stranger.AccessToken);
        var foreignDelete = await api.SendAsync(HttpMethod.Delete, $"/api/shares/{token}", token: stranger.AccessToken);
        var strangerList = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/shares", token: stranger.AccessToken));
        var unknown = await api.SendAsync(HttpMethod.Get, "/s/" + new string('A', 43));
        var malformed = await api.SendAsync(HttpMethod.Get, "/s/not-a-token");
        var stillOpen = await api.SendAsync(HttpMethod.Get, $"/s/{token}");

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shortCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignMedia.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        Assert.Empty(strangerList.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }

    private async Task<string> AlbumAsync(SignedInUser owner) =>
        (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Shared" }, owner.AccessToken)))
            .GetProperty("id").GetString()!;

    private async Task<string> PhotoInAlbumAsync(SignedInUser owner, string album, string sample)
    {
        var response = await Uploads.SendAsync(api, owner.AccessToken, album, (sample, SamplePhotos.Bytes(sample)));
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> CreateShareAsync(SignedInUser owner, object body)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/shares", body, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ApiClient.ReadJsonAsync(response);
    }
}
