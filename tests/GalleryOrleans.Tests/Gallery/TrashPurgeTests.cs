using System.Net;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using Npgsql;

namespace GalleryOrleans.Tests.Gallery;

public sealed class TrashPurgeTests(QuicklyPurgedTrashCluster cluster) : IClassFixture<QuicklyPurgedTrashCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Media_trashed_longer_ago_than_the_retention_are_purged_and_recent_ones_stay_restorable()
    {
        var user = await api.NewUserAsync();
        var old = (await Uploads.PhotoAsync(api, user.AccessToken, "rocket.jpg")).GetProperty("id").GetString();
        var recent = (await Uploads.PhotoAsync(api, user.AccessToken, "coffee.jpg")).GetProperty("id").GetString();
        await api.SendAsync(HttpMethod.Delete, $"/api/media/{old}", token: user.AccessToken);
        await Task.Delay(QuicklyPurgedTrashCluster.Retention + TimeSpan.FromMilliseconds(500));
        await api.SendAsync(HttpMethod.Delete, $"/api/media/{recent}", token: user.AccessToken);

        var purged = await cluster.Client.GetGrain<ITrashPurgeGrain>(0).Purge();

        var trash = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/trash", token: user.AccessToken));
        var restoreOld = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { old } }, user.AccessToken);
        var restoreRecent = await api.SendAsync(HttpMethod.Post, "/api/trash/restore", new { ids = new[] { recent } }, user.AccessToken);
        var library = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));
        Assert.Equal(1, purged);
        Assert.Equal([recent], trash.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, restoreOld.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, restoreRecent.StatusCode);
        Assert.Equal([recent], library.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(3, Uploads.StoredFiles(cluster, user.Id).Count); // the restored photo and its two thumbnails
    }

    [Fact]
    public async Task Every_silo_start_makes_sure_the_purge_is_scheduled()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT period_ms FROM orleans_reminder WHERE reminder_name = 'purge-old-trash'", connection);

        var period = await command.ExecuteScalarAsync();

        Assert.Equal((long)TimeSpan.FromHours(1).TotalMilliseconds, period);
    }
}
