using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>GET /api/media?order=taken and GET /api/timeline/buckets through the real gateway.</summary>
public sealed class TimelineTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    private Task<string> UploadAsync(SignedInUser user, string name, byte[] bytes) =>
        Uploads.MediaIdAsync(api, user.AccessToken, name, bytes);

    private async Task<JsonElement> GetAsync(SignedInUser user, string path)
    {
        var response = await api.SendAsync(HttpMethod.Get, path, token: user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiClient.ReadJsonAsync(response);
    }

    private static string[] Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task Taken_order_puts_old_photos_by_their_date_falls_back_to_upload_time_and_pages_with_a_cursor()
    {
        var user = await api.NewUserAsync();
        await UploadAsync(user, "may-2019.jpg", DatedPhotos.Bytes("coffee.jpg", "2019:05:01 10:00:00"));
        await UploadAsync(user, "july-2021.jpg", DatedPhotos.Bytes("rocket.jpg", "2021:07:14 18:30:05"));
        await UploadAsync(user, "undated.jpg", SamplePhotos.Bytes("astronaut.jpg"));
        await UploadAsync(user, "feb-2020.jpg", DatedPhotos.Bytes("chelsea.jpg", "2020:02:29 12:00:00"));

        var first = await GetAsync(user, "/api/media?order=taken&limit=2");
        var second = await GetAsync(user, $"/api/media?order=taken&limit=2&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}");
        var uploaded = await GetAsync(user, "/api/media");

        Assert.Equal(["undated.jpg", "july-2021.jpg"], Names(first));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("items")[0].GetProperty("takenAt").ValueKind);
        Assert.Equal(["feb-2020.jpg", "may-2019.jpg"], Names(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(["feb-2020.jpg", "undated.jpg", "july-2021.jpg", "may-2019.jpg"], Names(uploaded));
    }

    [Fact]
    public async Task Buckets_count_each_month_newest_first_for_the_library_favourites_and_an_album()
    {
        var user = await api.NewUserAsync();
        var may = await UploadAsync(user, "a.jpg", DatedPhotos.Bytes("coffee.jpg", "2019:05:01 10:00:00"));
        await UploadAsync(user, "b.jpg", DatedPhotos.Bytes("rocket.jpg", "2019:05:31 23:00:00"));
        var july = await UploadAsync(user, "c.jpg", DatedPhotos.Bytes("chelsea.jpg", "2021:07:14 18:30:05"));
        var thisMonth = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await UploadAsync(user, "d.jpg", SamplePhotos.Bytes("astronaut.jpg"));
        await api.SendAsync(HttpMethod.Patch, $"/api/media/{july}", new { isFavorite = true }, user.AccessToken);
        var album = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Trip" }, user.AccessToken));
        var albumId = album.GetProperty("id").GetString();
        await api.SendAsync(HttpMethod.Put, $"/api/albums/{albumId}/media/{may}", token: user.AccessToken);

        var all = await GetAsync(user, "/api/timeline/buckets");
        var favourites = await GetAsync(user, "/api/timeline/buckets?favorite=true");
        var inAlbum = await GetAsync(user, $"/api/timeline/buckets?albumId={albumId}");
        var stranger = await api.NewUserAsync();
        var foreign = await api.SendAsync(HttpMethod.Get, $"/api/timeline/buckets?albumId={albumId}", token: stranger.AccessToken);

        static string[] Months(JsonElement body) => body.GetProperty("items").EnumerateArray()
            .Select(b => $"{b.GetProperty("month").GetString()}:{b.GetProperty("count").GetInt32()}").ToArray();
        Assert.Equal([$"{thisMonth}:1", "2021-07:1", "2019-05:2"], Months(all));
        Assert.Equal(["2021-07:1"], Months(favourites));
        Assert.Equal(["2019-05:1"], Months(inAlbum));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Theory]
    [InlineData("/api/media?order=sideways")]
    public async Task An_unknown_order_is_a_400_naming_the_field(string path)
    {
        var user = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Get, path, token: user.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("order", out _));
    }

    [Fact]
    public async Task The_timeline_needs_a_signed_in_user()
    {
        var response = await api.SendAsync(HttpMethod.Get, "/api/timeline/buckets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
