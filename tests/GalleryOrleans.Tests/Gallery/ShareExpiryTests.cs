using System.Net;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>A link given an expiry answers 410 and lists as expired once the silos' clock passes it; no waiting.</summary>
public sealed class ShareExpiryTests(AdjustableClockCluster cluster) : IClassFixture<AdjustableClockCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_link_expires_when_its_time_has_come()
    {
        var owner = await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var created = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media }, owner.AccessToken);
        var token = (await ApiClient.ReadJsonAsync(created)).GetProperty("token").GetString();
        var inAnHour = DateTime.UtcNow.AddHours(1);
        var expiring = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { expiresAt = inAnHour }, owner.AccessToken));
        var before = await api.SendAsync(HttpMethod.Get, $"/s/{token}");

        cluster.SiloClock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var expired = await api.SendAsync(HttpMethod.Get, $"/s/{token}");
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/shares", token: owner.AccessToken));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("active", expiring.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("expired", listed.GetProperty("items")[0].GetProperty("status").GetString());
    }
}
