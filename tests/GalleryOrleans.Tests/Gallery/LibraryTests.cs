using System.Net;
using GalleryOrleans.Tests.Infrastructure;
using Orleans.Runtime;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// The album list and media pages come from the user's library grain in memory, kept current by every kind of edit;
/// each page, first or deep, filtered or not, is byte for byte what the catalog query answers, also after the
/// library is rebuilt from the catalog.
/// </summary>
public sealed class LibraryTests(SmallLibraryCluster cluster) : IClassFixture<SmallLibraryCluster>
{
    private static readonly string[] Samples = ["astronaut.jpg", "baboon.jpg", "building.jpg", "chelsea.jpg", "coffee.jpg"];
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Every_listing_page_answers_what_the_catalog_answers_through_a_run_of_edits_and_a_rebuild()
    {
        var user = await api.NewUserAsync();
        await using var catalog = new CatalogListings(cluster.ConnectionString);
        var listings = new LibraryListings(catalog, user);
        await listings.AssertSameAsCatalogAsync(cluster.Http, "empty library");
        var trip = await CreateAlbumAsync(user, "Trip");
        var best = await CreateAlbumAsync(user, "Best of");
        var photos = new List<string>();
        foreach (var sample in Samples)
        {
            photos.Add((await Uploads.PhotoAsync(api, user.AccessToken, sample)).GetProperty("id").GetString()!);
        }
        await listings.AssertSameAsCatalogAsync(cluster.Http, "after uploads");

        var edits = new (string Step, HttpMethod Method, string Path, object? Body)[]
        {
            ("add the newest to Trip", HttpMethod.Put, $"/api/albums/{trip}/media/{photos[4]}", null),
            ("add an old one to Trip", HttpMethod.Put, $"/api/albums/{trip}/media/{photos[0]}", null),
            ("add to Best of", HttpMethod.Put, $"/api/albums/{best}/media/{photos[0]}", null),
            ("favourite", HttpMethod.Patch, $"/api/media/{photos[1]}", new { isFavorite = true }),
            ("rename", HttpMethod.Patch, $"/api/media/{photos[0]}", new { name = "renamed.jpg" }),
            ("rename an album", HttpMethod.Patch, $"/api/albums/{best}", new { name = "Best", type = "favorites" }),
            ("delete the cover of Trip", HttpMethod.Delete, $"/api/media/{photos[4]}", null),
            ("remove from Best", HttpMethod.Delete, $"/api/albums/{best}/media/{photos[0]}", null),
            ("delete Trip", HttpMethod.Delete, $"/api/albums/{trip}", null),
        };
        foreach (var (step, method, path, body) in edits)
        {
            var response = await api.SendAsync(method, path, body, user.AccessToken);
            Assert.True(response.IsSuccessStatusCode, $"{step}: {(int)response.StatusCode}");
            await listings.AssertSameAsCatalogAsync(cluster.Http, step);
        }
        await CreateAlbumAsync(user, "Later");
        var upload = await Uploads.SendAsync(api, user.AccessToken, best, ("late.jpg", SamplePhotos.Bytes("building__gray.jpg")));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        await listings.AssertSameAsCatalogAsync(cluster.Http, "an upload into an album");

        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await listings.AssertSameAsCatalogAsync(cluster.Http, "rebuilt from the catalog");
    }

    private async Task<string> CreateAlbumAsync(SignedInUser user, string name)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/api/albums", new { name }, user.AccessToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }
}
