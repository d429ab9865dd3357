using System.Net;
using GalleryOrleans.Tests.Infrastructure;
using Npgsql;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>GET /api/search through the real gateway, and the indexes behind it and behind the timeline.</summary>
public sealed class SearchTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    private Task<string> UploadAsync(SignedInUser user, string name, byte[] bytes) =>
        Uploads.MediaIdAsync(api, user.AccessToken, name, bytes);

    private async Task<string[]> SearchAsync(SignedInUser user, string query)
    {
        var response = await api.SendAsync(HttpMethod.Get, "/api/search?" + query, token: user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("name").GetString()!).ToArray();
    }

    [Fact]
    public async Task Text_matches_file_names_album_names_and_cameras_and_the_filters_narrow_it()
    {
        var user = await api.NewUserAsync();
        await UploadAsync(user, "Beach-Day.jpg", DatedPhotos.Bytes("coffee.jpg", "2021:08:01 10:00:00"));
        var paris = await UploadAsync(user, "IMG_1234.jpg", DatedPhotos.Bytes("rocket.jpg", "2020:04:02 10:00:00"));
        await UploadAsync(user, "dsc_0001.jpg", DatedPhotos.Bytes("chelsea.jpg", "2019:01:05 10:00:00", ("exif-ifd0-Make", "Canon"), ("exif-ifd0-Model", "EOS 5D Mark III")));
        await UploadAsync(user, "notes_50%.jpg", DatedPhotos.Bytes("astronaut.jpg", "2018:01:05 10:00:00"));
        var album = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Holiday in Paris" }, user.AccessToken));
        await api.SendAsync(HttpMethod.Put, $"/api/albums/{album.GetProperty("id").GetString()}/media/{paris}", token: user.AccessToken);
        await api.SendAsync(HttpMethod.Patch, $"/api/media/{paris}", new { isFavorite = true }, user.AccessToken);
        var stranger = await api.NewUserAsync();

        Assert.Equal(["Beach-Day.jpg"], await SearchAsync(user, "q=beach"));
        Assert.Equal(["IMG_1234.jpg"], await SearchAsync(user, "q=PARIS"));
        Assert.Equal(["dsc_0001.jpg"], await SearchAsync(user, "q=eos%205d"));
        Assert.Equal(["notes_50%.jpg"], await SearchAsync(user, "q=" + Uri.EscapeDataString("50%")));
        Assert.Equal(["Beach-Day.jpg", "IMG_1234.jpg", "dsc_0001.jpg", "notes_50%.jpg"], await SearchAsync(user, "q="));
        Assert.Equal(["IMG_1234.jpg", "dsc_0001.jpg"], await SearchAsync(user, "from=2019-01-05&to=2020-04-02"));
        Assert.Equal(["IMG_1234.jpg"], await SearchAsync(user, "favorite=true"));
        Assert.Empty(await SearchAsync(user, "type=video"));
        Assert.Empty(await SearchAsync(user, "hasLocation=true"));
        Assert.Empty(await SearchAsync(stranger, "q=beach"));
    }

    [Fact]
    public async Task Text_matches_the_place_name_of_a_photos_xmp()
    {
        var user = await api.NewUserAsync();
        await UploadAsync(user, "IMG_2001.jpg", CapturedPhoto.Jpeg());
        await UploadAsync(user, "IMG_2002.jpg", DatedPhotos.Bytes("coffee.jpg", "2021:08:01 10:00:00"));

        Assert.Equal(["IMG_2001.jpg"], await SearchAsync(user, "q=montmartre"));
        Assert.Equal(["IMG_2001.jpg"], await SearchAsync(user, "q=PARIS"));
        Assert.Empty(await SearchAsync(user, "q=reykjavik"));
    }

    [Fact]
    public async Task Results_page_with_a_cursor_in_taken_order()
    {
        var user = await api.NewUserAsync();
        await UploadAsync(user, "trip-a.jpg", DatedPhotos.Bytes("coffee.jpg", "2021:01:01 10:00:00"));
        await UploadAsync(user, "trip-b.jpg", DatedPhotos.Bytes("rocket.jpg", "2023:01:01 10:00:00"));
        await UploadAsync(user, "trip-c.jpg", DatedPhotos.Bytes("chelsea.jpg", "2022:01:01 10:00:00"));

        var first = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/search?q=trip&limit=2", token: user.AccessToken));
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);

        Assert.Equal(["trip-b.jpg", "trip-c.jpg"], first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(["trip-a.jpg"], await SearchAsync(user, $"q=trip&limit=2&cursor={cursor}"));
    }

    [Theory]
    [InlineData("from=2020-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2021-01-02&to=2021-01-01", "to")]
    [InlineData("type=document", "type")]
    public async Task Bad_filters_are_400s_naming_the_field(string query, string field)
    {
        var user = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Get, "/api/search?" + query, token: user.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Text_longer_than_100_characters_is_refused()
    {
        var user = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Get, "/api/search?q=" + new string('a', 101), token: user.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("SELECT id FROM media WHERE lower(name) LIKE '%beach%'", "media_name_trgm")]
    [InlineData("SELECT id FROM album WHERE lower(name) LIKE '%paris%'", "album_name_trgm")]
    [InlineData("SELECT id FROM media WHERE lower(place) LIKE '%montmartre%'", "media_place_trgm")]
    [InlineData("SELECT id FROM media WHERE owner_id = '00000000-0000-0000-0000-000000000001' ORDER BY COALESCE(taken_at, created_at) DESC, id DESC LIMIT 10", "media_by_owner_taken")]
    public async Task Searches_and_the_timeline_can_read_their_indexes(string query, string index)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        // The tables of a test are small enough for a sequential scan to win; forbid it to see whether an index serves.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN " + query, connection);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(index, string.Join('\n', plan));
    }
}
