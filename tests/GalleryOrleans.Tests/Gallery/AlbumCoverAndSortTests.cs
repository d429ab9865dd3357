using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>PATCH /api/albums/{id} with coverMediaId and sort, and the orders of GET /api/media they go with.</summary>
public sealed class AlbumCoverAndSortTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_chosen_cover_is_listed_with_the_album_until_it_leaves_and_comes_back_after_a_restore()
    {
        var user = await api.NewUserAsync();
        var album = await CreateAlbumAsync(user, "Coast");
        var chosen = await AddAsync(user, album, "chosen.jpg", "2020:01:01 10:00:00");
        var newest = await AddAsync(user, album, "newest.jpg", "2021:01:01 10:00:00");

        var patched = await Json(HttpMethod.Patch, $"/api/albums/{album}", user, new { coverMediaId = chosen });
        var listed = await Json(HttpMethod.Get, "/api/albums", user);
        await api.SendAsync(HttpMethod.Delete, $"/api/media/{chosen}", token: user.AccessToken);
        var whileTrashed = await Json(HttpMethod.Get, $"/api/albums/{album}", user);
        await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { chosen } }, user.AccessToken);
        var restored = await Json(HttpMethod.Get, "/api/albums", user);

        Assert.Equal(chosen, patched.GetProperty("coverMediaId").GetString());
        Assert.Equal(chosen, listed.GetProperty("items")[0].GetProperty("coverMediaId").GetString());
        Assert.Equal(newest, whileTrashed.GetProperty("coverMediaId").GetString());
        Assert.Equal(chosen, restored.GetProperty("items")[0].GetProperty("coverMediaId").GetString());
    }

    [Fact]
    public async Task The_stored_sort_orders_the_album_by_taken_date_either_way_or_by_when_each_was_added()
    {
        var user = await api.NewUserAsync();
        var album = await CreateAlbumAsync(user, "Years");
        var middle = await AddAsync(user, album, "2020.jpg", "2020:06:01 10:00:00");
        var oldest = await AddAsync(user, album, "2018.jpg", "2018:06:01 10:00:00");
        var newest = await AddAsync(user, album, "2022.jpg", "2022:06:01 10:00:00");

        var sorted = await Json(HttpMethod.Patch, $"/api/albums/{album}", user, new { sort = "taken-asc" });
        var oldestFirst = await IdsAsync(user, $"/api/media?albumId={album}&order=taken-asc&limit=2");
        var rest = await IdsAsync(user, $"/api/media?albumId={album}&order=taken-asc&limit=2&cursor={oldestFirst.Cursor}");
        var newestFirst = await IdsAsync(user, $"/api/media?albumId={album}&order=taken");
        var added = await IdsAsync(user, $"/api/media?albumId={album}&order=added");

        Assert.Equal("taken-asc", sorted.GetProperty("sort").GetString());
        Assert.Equal("taken-asc", (await Json(HttpMethod.Get, $"/api/albums/{album}", user)).GetProperty("sort").GetString());
        Assert.Equal([oldest, middle, newest], [.. oldestFirst.Ids, .. rest.Ids]);
        Assert.Null(rest.Cursor);
        Assert.Equal([newest, middle, oldest], newestFirst.Ids);
        Assert.Equal([newest, oldest, middle], added.Ids);
    }

    [Fact]
    public async Task Another_users_album_or_cover_is_404_and_a_bad_sort_or_order_is_400()
    {
        var owner = await api.NewUserAsync();
        var stranger = await api.NewUserAsync();
        var album = await CreateAlbumAsync(owner, "Mine");
        var member = await AddAsync(owner, album, "in.jpg", "2020:01:01 10:00:00");
        var notMember = await Uploads.MediaIdAsync(api, owner.AccessToken, "out.jpg", DatedPhotos.Tiny(9, "2020:01:02 10:00:00"));
        var strangersAlbum = await CreateAlbumAsync(stranger, "Theirs");
        var strangersMedia = await AddAsync(stranger, strangersAlbum, "theirs.jpg", "2020:01:03 10:00:00");

        var foreignAlbum = await api.SendAsync(HttpMethod.Patch, $"/api/albums/{album}", new { coverMediaId = member }, stranger.AccessToken);
        var foreignCover = await api.SendAsync(HttpMethod.Patch, $"/api/albums/{album}", new { coverMediaId = strangersMedia }, owner.AccessToken);
        var outsideCover = await api.SendAsync(HttpMethod.Patch, $"/api/albums/{album}", new { coverMediaId = notMember }, owner.AccessToken);
        var badSort = await api.SendAsync(HttpMethod.Patch, $"/api/albums/{album}", new { sort = "random" }, owner.AccessToken);
        var addedWithoutAlbum = await api.SendAsync(HttpMethod.Get, "/api/media?order=added", token: owner.AccessToken);
        var rangeWithoutTaken = await api.SendAsync(HttpMethod.Get, "/api/media?from=2020-01-01", token: owner.AccessToken);
        var badDate = await api.SendAsync(HttpMethod.Get, "/api/media?order=taken&to=2020-13-01", token: owner.AccessToken);
        var unchanged = await Json(HttpMethod.Get, $"/api/albums/{album}", owner);

        Assert.Equal(HttpStatusCode.NotFound, foreignAlbum.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignCover.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsideCover.StatusCode);
        Assert.Equal("application/problem+json", outsideCover.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(badSort)).GetProperty("errors").TryGetProperty("sort", out _));
        Assert.Equal(HttpStatusCode.BadRequest, addedWithoutAlbum.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rangeWithoutTaken.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(badDate)).GetProperty("errors").TryGetProperty("to", out _));
        Assert.Equal(member, unchanged.GetProperty("coverMediaId").GetString());
        Assert.Equal("added", unchanged.GetProperty("sort").GetString());
    }

    [Fact]
    public async Task A_taken_range_pages_the_timeline_down_from_a_month_and_up_from_the_next()
    {
        var user = await api.NewUserAsync();
        var days = new[] { "2021:03:31 23:00:00", "2021:04:01 01:00:00", "2021:04:20 10:00:00", "2021:05:01 00:00:00" };
        var ids = new List<string>();
        foreach (var (day, i) in days.Select((day, i) => (day, i)))
        {
            ids.Add(await Uploads.MediaIdAsync(api, user.AccessToken, $"d{i}.jpg", DatedPhotos.Tiny(i, day)));
        }

        var april = await IdsAsync(user, "/api/media?order=taken&to=2021-04-30");
        var fromMay = await IdsAsync(user, "/api/media?order=taken-asc&from=2021-05-01");
        var upFromApril = await IdsAsync(user, "/api/media?order=taken-asc&from=2021-04-01");

        Assert.Equal([ids[2], ids[1], ids[0]], april.Ids);
        Assert.Equal([ids[3]], fromMay.Ids);
        Assert.Equal([ids[1], ids[2], ids[3]], upFromApril.Ids);
    }

    private async Task<string> AddAsync(SignedInUser user, string album, string name, string taken)
    {
        var response = await Uploads.SendAsync(api, user.AccessToken, album, (name, DatedPhotos.Tiny(name.Sum(c => c), taken)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private async Task<(string[] Ids, string? Cursor)> IdsAsync(SignedInUser user, string path)
    {
        var page = await Json(HttpMethod.Get, path, user);
        var ids = page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToArray();
        return (ids, page.GetProperty("nextCursor").GetString());
    }

    private async Task<string> CreateAlbumAsync(SignedInUser user, string name)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/albums", new { name }, user.AccessToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> Json(HttpMethod method, string path, SignedInUser user, object? body = null) =>
        await ApiClient.ReadJsonAsync(await api.SendAsync(method, path, body, user.AccessToken));
}
