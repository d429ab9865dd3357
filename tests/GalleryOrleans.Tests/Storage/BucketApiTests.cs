using System.Net;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Storage;

public sealed class BucketApiTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_user_creates_lists_and_deletes_a_bucket()
    {
        var user = await api.NewUserAsync();
        var name = "holiday-" + Guid.NewGuid().ToString("N")[..8];

        var created = await api.SendAsync(HttpMethod.Post, "/api/buckets", new { name }, user.AccessToken);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/buckets", token: user.AccessToken));
        var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/buckets/{name}", token: user.AccessToken);
        var after = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/buckets", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(name, item.GetProperty("name").GetString());
        Assert.Equal(0, item.GetProperty("objectCount").GetInt64());
        Assert.Equal(0, item.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(after.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Taken_names_conflict_whoever_owns_them()
    {
        var owner = await api.NewUserAsync();
        var other = await api.NewUserAsync();
        var name = "taken-" + Guid.NewGuid().ToString("N")[..8];
        await api.SendAsync(HttpMethod.Post, "/api/buckets", new { name }, owner.AccessToken);

        var again = await api.SendAsync(HttpMethod.Post, "/api/buckets", new { name }, owner.AccessToken);
        var byOther = await api.SendAsync(HttpMethod.Post, "/api/buckets", new { name }, other.AccessToken);
        var deleteByOther = await api.SendAsync(HttpMethod.Delete, $"/api/buckets/{name}", token: other.AccessToken);
        var otherList = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/buckets", token: other.AccessToken));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteByOther.StatusCode);
        Assert.Empty(otherList.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("UpperCase")]
    [InlineData("has_underscore")]
    [InlineData("-leading-dash")]
    [InlineData("two..dots")]
    [InlineData("192.168.1.1")]
    [InlineData("xn--punycode")]
    [InlineData("gallery-reserved")]
    [InlineData("../../etc")]
    public async Task Invalid_names_get_a_field_error_and_create_nothing(string name)
    {
        var user = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Post, "/api/buckets", new { name }, user.AccessToken);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/buckets", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_bucket_with_objects_cannot_be_deleted()
    {
        var user = await api.NewUserAsync();
        var name = "full-" + Guid.NewGuid().ToString("N")[..8];
        await api.SendAsync(HttpMethod.Post, "/api/buckets", new { name }, user.AccessToken);
        await ObjectUploads.PutAsync(cluster.Client, Guid.Parse(user.Id), name, "x", [1]);

        var response = await api.SendAsync(HttpMethod.Delete, $"/api/buckets/{name}", token: user.AccessToken);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/buckets", token: user.AccessToken));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("objectCount").GetInt64());
    }

    [Fact]
    public async Task Bucket_routes_need_a_token()
    {
        var response = await api.SendAsync(HttpMethod.Get, "/api/buckets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Default_gallery_buckets_are_valid_names_with_the_reserved_prefix()
    {
        var name = BucketNames.DefaultFor(Guid.NewGuid());

        Assert.True(BucketNames.IsValid(name));
        Assert.StartsWith(BucketNames.ReservedPrefix, name);
    }
}
