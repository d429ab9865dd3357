using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.Resilience;

namespace GalleryOrleans.Tests.Hosting;

/// <summary>
/// A gateway that finds the silos by DNS (Orleans:SiloGateways), as in Kubernetes, holds no connection string: it is
/// ready, serves requests, and tells from a grain whether the database answers.
/// </summary>
public sealed class GatewayWithoutDatabaseTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task A_gateway_without_a_connection_string_finds_the_silos_by_dns_and_serves()
    {
        var address = await cluster.StartGatewayWithoutDatabaseAsync();
        using var http = new HttpClient { BaseAddress = address };
        var api = new ApiClient(http, cluster.MailDirectory);

        var ready = await http.GetAsync("/readyz");
        var user = await api.NewUserAsync();
        var albums = await api.SendAsync(HttpMethod.Get, "/api/albums", token: user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, albums.StatusCode);
    }

    [Fact]
    public async Task Readyz_through_such_a_gateway_names_the_database_when_the_silos_cannot_reach_it()
    {
        var address = await cluster.StartGatewayWithoutDatabaseAsync();
        using var http = new HttpClient { BaseAddress = address };

        HttpResponseMessage ready;
        await using (await DatabaseOutage.BeginAsync(cluster.ConnectionString))
        {
            ready = await http.GetAsync("/readyz");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("database", await ready.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(2));
    }
}
