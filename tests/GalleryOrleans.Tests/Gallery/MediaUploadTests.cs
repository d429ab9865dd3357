using System.Net;
using System.Security.Cryptography;
using GalleryOrleans.Tests.Infrastructure;
using NetVips;

namespace GalleryOrleans.Tests.Gallery;

public sealed class MediaUploadTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task An_uploaded_photo_is_listed_served_and_thumbnailed()
    {
        var user = await api.NewUserAsync();
        var bytes = SamplePhotos.Bytes("chelsea.jpg");

        var upload = await Uploads.SendAsync(api, user.AccessToken, ("chelsea.jpg", bytes));
        var media = (await ApiClient.ReadJsonAsync(upload)).GetProperty("items")[0];
        var id = media.GetProperty("id").GetString();
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));
        var content = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/content", token: user.AccessToken);
        var filesInTrash = StoredFiles(user.Id).Count;
        await api.SendAsync(HttpMethod.Delete, "/api/trash", token: user.AccessToken);
        var thumbnail = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/thumbnail?size=256", token: user.AccessToken);
        var large = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/thumbnail?size=1024", token: user.AccessToken);

        using var original = Image.NewFromBuffer(bytes);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("image", media.GetProperty("type").GetString());
        Assert.Equal("image/jpeg", media.GetProperty("contentType").GetString());
        Assert.Equal(original.Width, media.GetProperty("width").GetInt32());
        Assert.Equal(original.Height, media.GetProperty("height").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), media.GetProperty("hash").GetString());
        Assert.Equal(bytes.Length, media.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal("chelsea.jpg", content.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        using var small = Image.NewFromBuffer(await thumbnail.Content.ReadAsByteArrayAsync());
        using var big = Image.NewFromBuffer(await large.Content.ReadAsByteArrayAsync());
        Assert.Equal(Math.Min(256, Math.Max(original.Width, original.Height)), Math.Max(small.Width, small.Height));
        Assert.True(Math.Max(big.Width, big.Height) > Math.Max(small.Width, small.Height) || Math.Max(original.Width, original.Height) <= 256);
    }

    [Fact]
    public async Task Content_honours_range_and_etag()
    {
        var user = await api.NewUserAsync();
        var bytes = SamplePhotos.Bytes("coffee.jpg");
        var id = (await Uploads.PhotoAsync(api, user.AccessToken, "coffee.jpg")).GetProperty("id").GetString();

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}/content");
        ranged.Headers.Authorization = new("Bearer", user.AccessToken);
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
        var partial = await api.Http.SendAsync(ranged);
        var full = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/content", token: user.AccessToken);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}/content");
        conditional.Headers.Authorization = new("Bearer", user.AccessToken);
        conditional.Headers.IfNoneMatch.Add(full.Headers.ETag!);
        var notModified = await api.Http.SendAsync(conditional);
        using var pastEnd = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}/content");
        pastEnd.Headers.Authorization = new("Bearer", user.AccessToken);
        pastEnd.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(bytes.Length + 10, null);
        var unsatisfiable = await api.Http.SendAsync(pastEnd);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
    }

    [Fact]
    public async Task Several_files_in_one_request_all_land_newest_first()
    {
        var user = await api.NewUserAsync();

        var response = await Uploads.SendAsync(api, user.AccessToken,
            ("a.jpg", SamplePhotos.Bytes("rocket.jpg")), ("b.jpg", SamplePhotos.Bytes("fruits.jpg")));
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media?limit=1", token: user.AccessToken));
        var next = listed.GetProperty("nextCursor").GetString();
        var second = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/api/media?limit=1&cursor={next}", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("b.jpg", listed.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("a.jpg", second.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Other_formats_are_read_from_their_bytes_not_their_names()
    {
        var user = await api.NewUserAsync();
        using var photo = Image.NewFromFile(SamplePhotos.PathOf("baboon.jpg"));
        var png = photo.WriteToBuffer(".png");
        var webp = photo.WriteToBuffer(".webp");

        var response = await Uploads.SendAsync(api, user.AccessToken, ("looks-like.jpg", png), ("photo.gif", webp));
        var items = (await ApiClient.ReadJsonAsync(response)).GetProperty("items");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("image/png", items[0].GetProperty("contentType").GetString());
        Assert.Equal("image/webp", items[1].GetProperty("contentType").GetString());
    }

    public static TheoryData<string, byte[], HttpStatusCode> BadFiles()
    {
        var jpeg = SamplePhotos.Bytes("building.jpg");
        return new()
        {
            { "not-an-image.jpg", "hello, I am text pretending to be a photo"u8.ToArray(), HttpStatusCode.UnsupportedMediaType },
            { "empty.jpg", [], HttpStatusCode.UnsupportedMediaType },
            { "truncated.jpg", jpeg[..(jpeg.Length / 2)], HttpStatusCode.UnsupportedMediaType },
            { "document.pdf", "%PDF-1.7\n%binary"u8.ToArray(), HttpStatusCode.UnsupportedMediaType },
            { "bomb.png", HugePng(50_000, 50_000), HttpStatusCode.RequestEntityTooLarge },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_and_leave_nothing_behind(string name, byte[] bytes, HttpStatusCode expected)
    {
        var user = await api.NewUserAsync();

        var response = await Uploads.SendAsync(api, user.AccessToken, ("good.jpg", SamplePhotos.Bytes("chelsea.jpg")), (name, bytes));
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Empty(StoredFiles(user.Id));
    }

    [Fact]
    public async Task A_wrong_album_id_or_a_missing_token_stores_nothing()
    {
        var user = await api.NewUserAsync();
        var photo = ("p.jpg", SamplePhotos.Bytes("chelsea.jpg"));

        var wrongAlbum = await Uploads.SendAsync(api, user.AccessToken, Guid.NewGuid().ToString(), photo);
        var anonymous = await api.SendAsync(HttpMethod.Post, "/api/media/upload", new MultipartFormDataContent());
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.NotFound, wrongAlbum.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Empty(StoredFiles(user.Id));
    }

    [Fact]
    public async Task Favourites_rename_and_delete()
    {
        var user = await api.NewUserAsync();
        var id = (await Uploads.PhotoAsync(api, user.AccessToken)).GetProperty("id").GetString();
        await Uploads.PhotoAsync(api, user.AccessToken, "coffee.jpg");

        var patched = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Patch, $"/api/media/{id}", new { name = "moon.jpg", isFavorite = true }, user.AccessToken));
        var favourites = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media?favorite=true", token: user.AccessToken));
        var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/media/{id}", token: user.AccessToken);
        var gone = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}", token: user.AccessToken);
        var content = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/content", token: user.AccessToken);
        var filesInTrash = StoredFiles(user.Id).Count;
        await api.SendAsync(HttpMethod.Delete, "/api/trash", token: user.AccessToken);

        Assert.Equal("moon.jpg", patched.GetProperty("name").GetString());
        Assert.True(patched.GetProperty("isFavorite").GetBoolean());
        Assert.Equal(id, Assert.Single(favourites.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, content.StatusCode);
        Assert.Equal(6, filesInTrash); // a deleted photo waits in the trash with its files
        Assert.Equal(3, StoredFiles(user.Id).Count); // the other photo: its original and two thumbnails
    }

    private List<string> StoredFiles(string userId) => Uploads.StoredFiles(cluster, userId);

    private static byte[] HugePng(int width, int height)
    {
        using var image = Image.Black(width, height);
        return image.WriteToBuffer(".png[compression=9]");
    }
}
