using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>Through the gateway: resolving a group keeps the chosen photos and moves the rest to the trash, from where they can come back.</summary>
public sealed class SimilarResolveApiTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Resolving_keeps_the_chosen_photo_trashes_the_copy_and_a_restore_regroups_it()
    {
        var user = await api.NewUserAsync();
        var original = await IdOfAsync(user, "astronaut.jpg");
        var other = await IdOfAsync(user, "chelsea.jpg");
        var copy = await IdOfAsync(user, "astronaut__half.jpg");
        var group = await WaitForGroupsAsync(user, 1);

        var resolved = await api.SendAsync(HttpMethod.Post, $"/api/similar/groups/{group[0]}/resolve", new { keep = new[] { original } }, user.AccessToken);
        var groups = await GroupIdsAsync(user);
        var library = await PageIdsAsync(user, "/api/media");
        var trash = await PageIdsAsync(user, "/api/trash");
        var again = await api.SendAsync(HttpMethod.Post, $"/api/similar/groups/{group[0]}/resolve", new { keep = new[] { original } }, user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, resolved.StatusCode);
        Assert.Empty(groups);
        Assert.Equal(new[] { original, other }.Order(), library.Order());
        Assert.Equal([copy], trash);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { copy } }, user.AccessToken);
        var regrouped = await WaitForGroupsAsync(user, 1);
        var members = await MembersAsync(user);
        Assert.Single(regrouped);
        Assert.Equal(new[] { copy, original }.Order(), members.Order());
    }

    [Fact]
    public async Task Resolving_refuses_unknown_groups_strangers_and_photos_outside_the_group_and_changes_nothing()
    {
        var user = await api.NewUserAsync();
        var stranger = await api.NewUserAsync();
        var original = await IdOfAsync(user, "astronaut.jpg");
        var outside = await IdOfAsync(user, "chelsea.jpg");
        await IdOfAsync(user, "astronaut__half.jpg");
        var group = (await WaitForGroupsAsync(user, 1))[0];
        var path = $"/api/similar/groups/{group}/resolve";

        var notMember = await api.SendAsync(HttpMethod.Post, path, new { keep = new[] { original, outside } }, user.AccessToken);
        var none = await api.SendAsync(HttpMethod.Post, path, new { keep = Array.Empty<string>() }, user.AccessToken);
        var missing = await api.SendAsync(HttpMethod.Post, path, new { }, user.AccessToken);
        var malformed = await api.SendAsync(HttpMethod.Post, path, new { keep = "everything" }, user.AccessToken);
        var unknown = await api.SendAsync(HttpMethod.Post, $"/api/similar/groups/{Guid.NewGuid()}/resolve", new { keep = new[] { original } }, user.AccessToken);
        var strangers = await api.SendAsync(HttpMethod.Post, path, new { keep = new[] { original } }, stranger.AccessToken);
        var notAGroup = await api.SendAsync(HttpMethod.Post, "/api/similar/groups/nope/resolve", new { keep = new[] { original } }, user.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Contains("keep", (await ApiClient.ReadJsonAsync(notMember)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAGroup.StatusCode);
        Assert.Equal([group], await GroupIdsAsync(user));
        Assert.Equal(3, (await PageIdsAsync(user, "/api/media")).Count);
        Assert.Empty(await PageIdsAsync(user, "/api/trash"));
    }

    private async Task<string> IdOfAsync(SignedInUser user, string sample) =>
        (await Uploads.PhotoAsync(api, user.AccessToken, sample)).GetProperty("id").GetString()!;

    private async Task<JsonElement> PageAsync(SignedInUser user, string path) =>
        await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, path, token: user.AccessToken));

    private async Task<List<string>> PageIdsAsync(SignedInUser user, string path) =>
        [.. (await PageAsync(user, path)).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];

    private async Task<List<string>> GroupIdsAsync(SignedInUser user) => await PageIdsAsync(user, "/api/similar/groups");

    private async Task<List<string>> MembersAsync(SignedInUser user) =>
        [.. (await PageAsync(user, "/api/similar/groups")).GetProperty("items")[0].GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("mediaId").GetString()!)];

    /// <summary>Polls until the user has this many groups of two (embedding and grouping run after the upload answers).</summary>
    private async Task<List<string>> WaitForGroupsAsync(SignedInUser user, int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var groups = (await PageAsync(user, "/api/similar/groups")).GetProperty("items").EnumerateArray().ToList();
            if (groups.Count == count && groups.All(g => g.GetProperty("items").GetArrayLength() == 2) || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, groups.Count);
                return [.. groups.Select(g => g.GetProperty("id").GetString()!)];
            }
            await Task.Delay(200);
        }
    }
}
