using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>POST /api/media/download: a ZIP of the caller's originals, streamed by the gateway.</summary>
public sealed class MediaDownloadTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    private Task<string> UploadAsync(SignedInUser user, string name, string sample) =>
        Uploads.MediaIdAsync(api, user.AccessToken, name, SamplePhotos.Bytes(sample));

    [Fact]
    public async Task The_zip_holds_each_chosen_original_byte_for_byte_and_names_a_second_file_of_the_same_name_apart()
    {
        var user = await api.NewUserAsync();
        var coffee = await UploadAsync(user, "coffee.jpg", "coffee.jpg");
        var rocket = await UploadAsync(user, "holiday.jpg", "rocket.jpg");
        var chelsea = await UploadAsync(user, "holiday.jpg", "chelsea.jpg");
        await UploadAsync(user, "left-out.jpg", "astronaut.jpg");

        var entries = await ZipEntries.OfAsync(await api.SendAsync(HttpMethod.Post, "/api/media/download", new { ids = new[] { coffee, rocket, chelsea } }, user.AccessToken));

        Assert.Equal(["coffee.jpg", "holiday (2).jpg", "holiday.jpg"], entries.Keys.Order());
        Assert.Equal(SamplePhotos.Bytes("coffee.jpg"), entries["coffee.jpg"]);
        Assert.Equal(SamplePhotos.Bytes("rocket.jpg"), entries["holiday.jpg"]);
        Assert.Equal(SamplePhotos.Bytes("chelsea.jpg"), entries["holiday (2).jpg"]);
    }

    [Fact]
    public async Task An_album_downloads_as_its_members()
    {
        var user = await api.NewUserAsync();
        var coffee = await UploadAsync(user, "coffee.jpg", "coffee.jpg");
        await UploadAsync(user, "rocket.jpg", "rocket.jpg");
        var album = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Cups" }, user.AccessToken));
        var albumId = album.GetProperty("id").GetString();
        await api.SendAsync(HttpMethod.Put, $"/api/albums/{albumId}/media/{coffee}", token: user.AccessToken);

        var entries = await ZipEntries.OfAsync(await api.SendAsync(HttpMethod.Post, "/api/media/download", new { albumId }, user.AccessToken));

        Assert.Equal(["coffee.jpg"], entries.Keys);
    }

    [Fact]
    public async Task Someone_elses_media_or_album_is_a_404_before_any_byte_of_archive()
    {
        var owner = await api.NewUserAsync();
        var stranger = await api.NewUserAsync();
        var photo = await UploadAsync(owner, "coffee.jpg", "coffee.jpg");
        var own = await UploadAsync(stranger, "mine.jpg", "rocket.jpg");
        var album = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Private" }, owner.AccessToken));

        var byId = await api.SendAsync(HttpMethod.Post, "/api/media/download", new { ids = new[] { own, photo } }, stranger.AccessToken);
        var byAlbum = await api.SendAsync(HttpMethod.Post, "/api/media/download", new { albumId = album.GetProperty("id").GetString() }, stranger.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal("application/problem+json", byId.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, byAlbum.StatusCode);
    }

    [Theory]
    [InlineData("""{"ids":[]}""", "ids")]
    [InlineData("""{}""", "ids")]
    [InlineData("""{"ids":["not-a-guid"]}""", "ids[0]")]
    public async Task Bad_requests_are_400s_naming_the_field(string json, string field)
    {
        var user = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Post, "/api/media/download", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), user.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task More_ids_than_the_limit_are_refused()
    {
        var user = await api.NewUserAsync();
        var ids = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()).ToArray();

        var response = await api.SendAsync(HttpMethod.Post, "/api/media/download", new { ids }, user.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
