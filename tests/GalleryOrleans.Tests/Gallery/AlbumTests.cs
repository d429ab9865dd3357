using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

public sealed class AlbumTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Albums_hold_media_many_to_many_with_counts_and_covers_that_follow()
    {
        var user = await api.NewUserAsync();
        var trip = await CreateAlbumAsync(user, "Trip");
        var best = await CreateAlbumAsync(user, "Best of");
        var first = (await Uploads.PhotoAsync(api, user.AccessToken, "rocket.jpg")).GetProperty("id").GetString();
        var second = (await Uploads.PhotoAsync(api, user.AccessToken, "coffee.jpg")).GetProperty("id").GetString();

        await api.SendAsync(HttpMethod.Put, $"/api/albums/{trip}/media/{first}", token: user.AccessToken);
        await api.SendAsync(HttpMethod.Put, $"/api/albums/{trip}/media/{second}", token: user.AccessToken);
        await api.SendAsync(HttpMethod.Put, $"/api/albums/{best}/media/{first}", token: user.AccessToken);
        var album = await Json(HttpMethod.Get, $"/api/albums/{trip}", user);
        var inTrip = await Json(HttpMethod.Get, $"/api/media?albumId={trip}", user);
        var media = await Json(HttpMethod.Get, $"/api/media/{first}", user);
        await api.SendAsync(HttpMethod.Delete, $"/api/media/{second}", token: user.AccessToken);
        var afterDelete = await Json(HttpMethod.Get, $"/api/albums/{trip}", user);
        var removed = await api.SendAsync(HttpMethod.Delete, $"/api/albums/{best}/media/{first}", token: user.AccessToken);
        var bestAfter = await Json(HttpMethod.Get, $"/api/albums/{best}", user);

        Assert.Equal(2, album.GetProperty("mediaCount").GetInt32());
        Assert.Equal(second, album.GetProperty("coverMediaId").GetString());
        Assert.Equal([second, first], inTrip.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(2, media.GetProperty("albumIds").GetArrayLength());
        Assert.Equal(1, afterDelete.GetProperty("mediaCount").GetInt32());
        Assert.Equal(first, afterDelete.GetProperty("coverMediaId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(0, bestAfter.GetProperty("mediaCount").GetInt32());
    }

    [Fact]
    public async Task Deleting_an_album_keeps_its_media_in_the_library()
    {
        var user = await api.NewUserAsync();
        var album = await CreateAlbumAsync(user, "Short-lived");
        var upload = await Uploads.SendAsync(api, user.AccessToken, album, ("p.jpg", SamplePhotos.Bytes("chelsea.jpg")));
        var id = (await ApiClient.ReadJsonAsync(upload)).GetProperty("items")[0].GetProperty("id").GetString();

        var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/albums/{album}", token: user.AccessToken);
        var media = await Json(HttpMethod.Get, $"/api/media/{id}", user);
        var albums = await Json(HttpMethod.Get, "/api/albums", user);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, media.GetProperty("albumIds").GetArrayLength());
        Assert.Empty(albums.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Albums_can_be_renamed_and_bad_bodies_are_refused()
    {
        var user = await api.NewUserAsync();
        var album = await CreateAlbumAsync(user, "Old");

        var renamed = await Json(HttpMethod.Patch, $"/api/albums/{album}", user, new { name = "New", type = "favorites" });
        var noName = await api.SendAsync(HttpMethod.Post, "/api/albums", new { type = "regular" }, user.AccessToken);
        var badType = await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "x", type = "weird" }, user.AccessToken);
        var tooLong = await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = new string('a', 201) }, user.AccessToken);

        Assert.Equal("New", renamed.GetProperty("name").GetString());
        Assert.Equal("favorites", renamed.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Another_user_gets_404_on_every_album_and_media_route()
    {
        var owner = await api.NewUserAsync();
        var stranger = await api.NewUserAsync();
        var album = await CreateAlbumAsync(owner, "Private");
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var strangersMedia = (await Uploads.PhotoAsync(api, stranger.AccessToken, "coffee.jpg")).GetProperty("id").GetString();
        var routes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/albums/{album}", null),
            (HttpMethod.Patch, $"/api/albums/{album}", new { name = "mine now" }),
            (HttpMethod.Delete, $"/api/albums/{album}", null),
            (HttpMethod.Put, $"/api/albums/{album}/media/{strangersMedia}", null),
            (HttpMethod.Delete, $"/api/albums/{album}/media/{media}", null),
            (HttpMethod.Get, $"/api/media?albumId={album}", null),
            (HttpMethod.Get, $"/api/media/{media}", null),
            (HttpMethod.Patch, $"/api/media/{media}", new { isFavorite = true }),
            (HttpMethod.Delete, $"/api/media/{media}", null),
            (HttpMethod.Get, $"/api/media/{media}/content", null),
            (HttpMethod.Get, $"/api/media/{media}/thumbnail?size=256", null),
        };

        foreach (var (method, path, body) in routes)
        {
            var response = await api.SendAsync(method, path, body, stranger.AccessToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
        }
        var ownAlbumWithForeignMedia = await CreateAlbumAsync(stranger, "Theirs");
        var addForeign = await api.SendAsync(HttpMethod.Put, $"/api/albums/{ownAlbumWithForeignMedia}/media/{media}", token: stranger.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, addForeign.StatusCode);
        var stillThere = await Json(HttpMethod.Get, $"/api/media/{media}", owner);
        Assert.False(stillThere.GetProperty("isFavorite").GetBoolean());
        Assert.Equal("Private", (await Json(HttpMethod.Get, $"/api/albums/{album}", owner)).GetProperty("name").GetString());
    }

    private async Task<string> CreateAlbumAsync(SignedInUser user, string name)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/albums", new { name }, user.AccessToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    private async Task<System.Text.Json.JsonElement> Json(HttpMethod method, string path, SignedInUser user, object? body = null) =>
        await ApiClient.ReadJsonAsync(await api.SendAsync(method, path, body, user.AccessToken));
}
