using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>Through the gateway: a deleted media waits in the trash, out of sight, until it is restored or emptied.</summary>
public sealed class TrashTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_deleted_photo_leaves_library_albums_and_shares_and_comes_back_with_them()
    {
        var user = await api.NewUserAsync();
        var album = (await Json(HttpMethod.Post, "/api/albums", user, new { name = "Trip" })).GetProperty("id").GetString();
        var photo = await PhotoAsync(user, "rocket.jpg");
        var kept = await PhotoAsync(user, "coffee.jpg");
        await api.SendAsync(HttpMethod.Put, $"/api/albums/{album}/media/{photo}", token: user.AccessToken);
        await api.SendAsync(HttpMethod.Put, $"/api/albums/{album}/media/{kept}", token: user.AccessToken);
        var mediaLink = (await Json(HttpMethod.Post, "/api/shares", user, new { mediaId = photo })).GetProperty("token").GetString();
        var albumLink = (await Json(HttpMethod.Post, "/api/shares", user, new { albumId = album })).GetProperty("token").GetString();

        var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/media/{photo}", token: user.AccessToken);
        var gone = await api.SendAsync(HttpMethod.Get, $"/api/media/{photo}", token: user.AccessToken);
        var library = await Json(HttpMethod.Get, "/api/media", user);
        var albumPage = await Json(HttpMethod.Get, $"/api/media?albumId={album}", user);
        var albumView = await Json(HttpMethod.Get, $"/api/albums/{album}", user);
        var shares = await Json(HttpMethod.Get, "/api/shares", user);
        var sharedAlbum = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{albumLink}"));
        var sharedPhoto = await api.SendAsync(HttpMethod.Get, $"/s/{mediaLink}/media/{photo}/thumbnail?size=256");
        var trash = await Json(HttpMethod.Get, "/api/trash", user);
        var trashedThumbnail = await api.SendAsync(HttpMethod.Get, $"/api/trash/{photo}/thumbnail?size=256", token: user.AccessToken);
        var deletedAgain = await api.SendAsync(HttpMethod.Delete, $"/api/media/{photo}", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal([kept], Ids(library));
        Assert.Equal([kept], Ids(albumPage));
        Assert.Equal(1, albumView.GetProperty("mediaCount").GetInt32());
        Assert.Equal(kept, albumView.GetProperty("coverMediaId").GetString());
        Assert.Equal([albumLink], shares.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("token").GetString()));
        Assert.Equal([kept], Ids(sharedAlbum));
        Assert.Equal(HttpStatusCode.NotFound, sharedPhoto.StatusCode);
        var trashed = Assert.Single(trash.GetProperty("items").EnumerateArray());
        Assert.Equal(photo, trashed.GetProperty("id").GetString());
        Assert.Equal("rocket.jpg", trashed.GetProperty("name").GetString());
        Assert.Equal([album], trashed.GetProperty("albumIds").EnumerateArray().Select(a => a.GetString()));
        Assert.InRange(trashed.GetProperty("trashedAt").GetDateTime(), DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(HttpStatusCode.OK, trashedThumbnail.StatusCode);
        Assert.Equal("image/webp", trashedThumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);

        var restored = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { photo } }, user.AccessToken);
        var back = await Json(HttpMethod.Get, $"/api/media/{photo}", user);
        var albumAfter = await Json(HttpMethod.Get, $"/api/albums/{album}", user);
        var sharesAfter = await Json(HttpMethod.Get, $"/api/shares?mediaId={photo}", user);
        var sharedAfter = await api.SendAsync(HttpMethod.Get, $"/s/{mediaLink}/media/{photo}/thumbnail?size=256");
        var trashAfter = await Json(HttpMethod.Get, "/api/trash", user);
        var trashedThumbnailAfter = await api.SendAsync(HttpMethod.Get, $"/api/trash/{photo}/thumbnail", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
        Assert.Equal([album], back.GetProperty("albumIds").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, back.GetProperty("trashedAt").ValueKind);
        Assert.Equal(2, albumAfter.GetProperty("mediaCount").GetInt32());
        Assert.Equal([mediaLink], sharesAfter.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("token").GetString()));
        Assert.Equal(HttpStatusCode.OK, sharedAfter.StatusCode);
        Assert.Empty(trashAfter.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, trashedThumbnailAfter.StatusCode);
    }

    [Fact]
    public async Task Emptying_the_trash_deletes_bytes_thumbnails_and_copies_for_good_and_frees_the_quota()
    {
        var user = await api.NewUserAsync();
        var photo = await PhotoAsync(user, "astronaut.jpg");
        var link = (await Json(HttpMethod.Post, "/api/shares", user, new { mediaId = photo })).GetProperty("token").GetString();
        // A visitor's download makes the copy without location and device data, stored beside the original.
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, $"/s/{link}/media/{photo}/content")).StatusCode);
        var stored = StoredFiles(user.Id);
        var bytesBefore = await GalleryBucketBytesAsync(user);

        await api.SendAsync(HttpMethod.Delete, $"/api/media/{photo}", token: user.AccessToken);
        var filesInTrash = StoredFiles(user.Id);
        var bytesInTrash = await GalleryBucketBytesAsync(user);
        var emptied = await api.SendAsync(HttpMethod.Delete, "/api/trash", token: user.AccessToken);
        var trash = await Json(HttpMethod.Get, "/api/trash", user);
        var restore = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { photo } }, user.AccessToken);
        var thumbnail = await api.SendAsync(HttpMethod.Get, $"/api/trash/{photo}/thumbnail", token: user.AccessToken);

        Assert.Equal(4, stored.Count); // original, two thumbnails, the visitors' copy
        Assert.Equal(stored.Order(), filesInTrash.Order());
        Assert.Equal(bytesBefore, bytesInTrash); // trashed bytes still count toward the quota
        Assert.Equal(HttpStatusCode.NoContent, emptied.StatusCode);
        Assert.Empty(trash.GetProperty("items").EnumerateArray());
        Assert.Empty(StoredFiles(user.Id));
        Assert.Equal(0, await GalleryBucketBytesAsync(user));
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);
    }

    [Fact]
    public async Task Restoring_refuses_bad_lists_and_other_users_photos_and_changes_nothing()
    {
        var owner = await api.NewUserAsync();
        var stranger = await api.NewUserAsync();
        var mine = await PhotoAsync(owner, "coffee.jpg");
        var theirs = await PhotoAsync(stranger, "rocket.jpg");
        await api.SendAsync(HttpMethod.Delete, $"/api/media/{mine}", token: owner.AccessToken);
        await api.SendAsync(HttpMethod.Delete, $"/api/media/{theirs}", token: stranger.AccessToken);

        var strangersDelete = await api.SendAsync(HttpMethod.Delete, $"/api/media/{mine}", token: stranger.AccessToken);
        var mixed = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { mine, theirs } }, owner.AccessToken);
        var empty = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = Array.Empty<string>() }, owner.AccessToken);
        var missing = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { }, owner.AccessToken);
        var notAnId = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { "not-a-guid" } }, owner.AccessToken);
        var tooMany = await api.SendAsync(HttpMethod.Post, "/api/trash/restore",
            new { ids = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()).ToArray() }, owner.AccessToken);
        var strangersThumbnail = await api.SendAsync(HttpMethod.Get, $"/api/trash/{mine}/thumbnail", token: stranger.AccessToken);
        var anonymous = await api.SendAsync(HttpMethod.Get, "/api/trash");
        var ownersTrash = await Json(HttpMethod.Get, "/api/trash", owner);
        var strangersTrash = await Json(HttpMethod.Get, "/api/trash", stranger);

        Assert.Equal(HttpStatusCode.NotFound, strangersDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        Assert.Equal("application/problem+json", mixed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangersThumbnail.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal([mine], Ids(ownersTrash));
        Assert.Equal([theirs], Ids(strangersTrash));
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_nothing_in_the_trash()
    {
        var user = await api.NewUserAsync();

        var refused = await Uploads.SendAsync(api, user.AccessToken, Guid.NewGuid().ToString(), ("coffee.jpg", SamplePhotos.Bytes("coffee.jpg")));
        var trash = await Json(HttpMethod.Get, "/api/trash", user);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Empty(trash.GetProperty("items").EnumerateArray());
        Assert.Empty(StoredFiles(user.Id));
    }

    private async Task<string> PhotoAsync(SignedInUser user, string sample) =>
        (await Uploads.PhotoAsync(api, user.AccessToken, sample)).GetProperty("id").GetString()!;

    private async Task<JsonElement> Json(HttpMethod method, string path, SignedInUser user, object? body = null)
    {
        var response = await api.SendAsync(method, path, body, user.AccessToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
        return await ApiClient.ReadJsonAsync(response);
    }

    private async Task<long> GalleryBucketBytesAsync(SignedInUser user)
    {
        var buckets = await Json(HttpMethod.Get, "/api/buckets", user);
        return buckets.GetProperty("items").EnumerateArray()
            .Where(b => b.GetProperty("name").GetString() == "gallery-" + Guid.Parse(user.Id).ToString("N"))
            .Sum(b => b.GetProperty("sizeBytes").GetInt64());
    }

    private List<string> StoredFiles(string userId) => Uploads.StoredFiles(cluster, userId);

    private static IEnumerable<string?> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString());
}
