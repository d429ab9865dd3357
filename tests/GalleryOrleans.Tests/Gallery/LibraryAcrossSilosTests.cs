using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;
using Orleans.Runtime;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// Read-your-writes across the cluster: each write goes through one gateway and the very next read through the other,
/// with the library grain and the writing album and media grains spread over both silos; the read shows the write at
/// once, with no retry. Losing the silo that held the library rebuilds it from the catalog on the other one.
/// </summary>
public sealed class LibraryAcrossSilosTests(TwoGatewayCluster cluster) : IClassFixture<TwoGatewayCluster>
{
    private const int Rounds = 6;
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_write_through_one_gateway_is_in_the_next_listing_through_the_other_and_survives_losing_a_silo()
    {
        var user = await api.NewUserAsync();
        HttpClient[] gateways = [cluster.Http, cluster.OtherHttp];
        await SendAsync(gateways[1], user, HttpMethod.Get, "/api/albums");
        for (var round = 0; round < Rounds; round++)
        {
            var (writer, reader) = (gateways[round % 2], gateways[(round + 1) % 2]);
            var album = (await SendAsync(writer, user, HttpMethod.Post, "/api/albums", new { name = $"Round {round}" })).GetProperty("id").GetString()!;
            var albums = await SendAsync(reader, user, HttpMethod.Get, "/api/albums?limit=1");
            Assert.Equal(album, albums.GetProperty("items")[0].GetProperty("id").GetString());

            var media = await UploadAsync(writer, user, album, round);
            var newest = (await SendAsync(reader, user, HttpMethod.Get, "/api/media?limit=1")).GetProperty("items")[0];
            Assert.Equal(media, newest.GetProperty("id").GetString());
            Assert.Equal([album], newest.GetProperty("albumIds").EnumerateArray().Select(id => id.GetString()));
            var inAlbum = await SendAsync(reader, user, HttpMethod.Get, "/api/albums?limit=1");
            Assert.Equal(1, inAlbum.GetProperty("items")[0].GetProperty("mediaCount").GetInt32());
            Assert.Equal(media, inAlbum.GetProperty("items")[0].GetProperty("coverMediaId").GetString());

            await SendAsync(reader, user, HttpMethod.Patch, $"/api/media/{media}", new { isFavorite = true });
            var favorites = await SendAsync(writer, user, HttpMethod.Get, "/api/media?favorite=true&limit=1");
            Assert.Equal(media, favorites.GetProperty("items")[0].GetProperty("id").GetString());

            await SendAsync(writer, user, HttpMethod.Delete, $"/api/albums/{album}/media/{media}");
            var emptied = await SendAsync(reader, user, HttpMethod.Get, $"/api/media?albumId={album}");
            Assert.Empty(emptied.GetProperty("items").EnumerateArray());
            Assert.Equal(0, (await SendAsync(reader, user, HttpMethod.Get, "/api/albums?limit=1")).GetProperty("items")[0].GetProperty("mediaCount").GetInt32());

            if (round % 2 == 1)
            {
                await SendAsync(reader, user, HttpMethod.Delete, $"/api/media/{media}");
                var remaining = await SendAsync(writer, user, HttpMethod.Get, "/api/media?limit=500");
                Assert.DoesNotContain(media, remaining.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
            }
        }

        var placement = await PlacementAsync(Guid.Parse(user.Id));
        Assert.Contains(placement.Writers, silo => silo != placement.Library);

        await using var catalog = new CatalogListings(cluster.ConnectionString);
        var listings = new LibraryListings(catalog, user);
        await listings.AssertSameAsCatalogAsync(gateways[0], "through the first gateway");
        await listings.AssertSameAsCatalogAsync(gateways[1], "through the second gateway");

        await cluster.StopSiloAsync(cluster.Silos.Single(silo => cluster.SiloIdentity(silo) == placement.Library.ToString()));
        await Eventually.TrueAsync(async () =>
        {
            await listings.AssertSameAsCatalogAsync(gateways[0], "rebuilt on the remaining silo");
            await listings.AssertSameAsCatalogAsync(gateways[1], "rebuilt on the remaining silo");
            return true;
        }, TimeSpan.FromMinutes(2));
    }

    /// <summary>Which silo holds the user's library grain, and which hold the album and media grains that wrote to it.</summary>
    private async Task<(SiloAddress Library, IReadOnlyList<SiloAddress> Writers)> PlacementAsync(Guid owner)
    {
        var activations = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var library = activations.Single(a => a.GrainId.Type.ToString() == "library" && a.GrainId.GetGuidKey() == owner).SiloAddress;
        var writers = activations.Where(a => a.GrainId.Type.ToString() is "album" or "media").Select(a => a.SiloAddress).ToList();
        Assert.NotEmpty(writers);
        return (library, writers);
    }

    private static async Task<string> UploadAsync(HttpClient http, SignedInUser user, string album, int round)
    {
        var photo = SamplePhotos.Bytes(round % 2 == 0 ? "chelsea.jpg" : "coffee.jpg");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(photo), "file", $"round{round}.jpg" }, { new StringContent(album), "albumId" } };
        var body = await SendAsync(http, user, HttpMethod.Post, "/api/media/upload", form);
        return body.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, SignedInUser user, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body as HttpContent ?? (body is null ? null : System.Net.Http.Json.JsonContent.Create(body)),
        };
        request.Headers.Authorization = new("Bearer", user.AccessToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} through {http.BaseAddress}: {(int)response.StatusCode} {text}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
