using System.Net;
using System.Text;
using GalleryOrleans.Tests.Infrastructure;
using Npgsql;

namespace GalleryOrleans.Tests.Auth;

public sealed class AccessKeyTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_key_shows_its_secret_once_lists_without_it_and_can_be_revoked()
    {
        var user = await api.NewUserAsync();

        var created = await api.SendAsync(HttpMethod.Post, "/api/auth/keys", new { name = "laptop" }, user.AccessToken);
        var key = await ApiClient.ReadJsonAsync(created);
        var id = key.GetProperty("accessKeyId").GetString()!;
        var secret = key.GetProperty("secretAccessKey").GetString()!;
        var list = await api.SendAsync(HttpMethod.Get, "/api/auth/keys", token: user.AccessToken);
        var listText = await list.Content.ReadAsStringAsync();
        var revoked = await api.SendAsync(HttpMethod.Delete, $"/api/auth/keys/{id}", token: user.AccessToken);
        var again = await api.SendAsync(HttpMethod.Delete, $"/api/auth/keys/{id}", token: user.AccessToken);
        var after = await (await api.SendAsync(HttpMethod.Get, "/api/auth/keys", token: user.AccessToken)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(secret.Length >= 40);
        Assert.Contains(id, listText);
        Assert.Contains("laptop", listText);
        Assert.DoesNotContain(secret, listText);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.DoesNotContain(id, after);
    }

    [Fact]
    public async Task Another_users_key_cannot_be_revoked()
    {
        var owner = await api.NewUserAsync();
        var other = await api.NewUserAsync();
        var key = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/auth/keys", token: owner.AccessToken));
        var id = key.GetProperty("accessKeyId").GetString();

        var response = await api.SendAsync(HttpMethod.Delete, $"/api/auth/keys/{id}", token: other.AccessToken);
        var ownerList = await (await api.SendAsync(HttpMethod.Get, "/api/auth/keys", token: owner.AccessToken)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(id!, ownerList);
    }

    [Fact]
    public async Task Secrets_are_not_stored_in_plain_text()
    {
        var user = await api.NewUserAsync();
        var key = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/auth/keys", token: user.AccessToken));
        var secret = Encoding.UTF8.GetBytes(key.GetProperty("secretAccessKey").GetString()!);
        var password = Encoding.UTF8.GetBytes(ApiClient.Password);

        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload FROM orleans_grain_state WHERE payload IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var payloads = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            payloads.Add((byte[])reader[0]);
        }

        Assert.NotEmpty(payloads);
        Assert.DoesNotContain(payloads, p => p.AsSpan().IndexOf(secret) >= 0);
        Assert.DoesNotContain(payloads, p => p.AsSpan().IndexOf(password) >= 0);
    }
}
