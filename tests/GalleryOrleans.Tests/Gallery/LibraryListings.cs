using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// Walks every page of the album and media listings a user can ask for (each filter, small and large pages, by the
/// cursors the answers hand out) and checks each body against the catalog's answer for the same request.
/// </summary>
internal sealed class LibraryListings(CatalogListings catalog, SignedInUser user)
{
    private static readonly int[] PageSizes = [1, 2, 50];

    private Guid Owner => Guid.Parse(user.Id);

    /// <summary>Asserts each page equals the catalog's, asking <paramref name="http"/>; answers the album ids seen.</summary>
    public async Task<IReadOnlyList<Guid>> AssertSameAsCatalogAsync(HttpClient http, string step)
    {
        var albumIds = new List<Guid>();
        foreach (var limit in PageSizes)
        {
            await WalkAsync(http, $"{step}: albums, limit {limit}", cursor => $"/api/albums?limit={limit}{cursor}",
                cursor => catalog.AlbumsAsync(Owner, cursor, limit), page => albumIds.AddRange(Ids(page)));
        }
        using var foreign = new HttpRequestMessage(HttpMethod.Get, $"/api/media?albumId={Guid.NewGuid()}");
        foreign.Headers.Authorization = new("Bearer", user.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(foreign)).StatusCode);
        foreach (var albumId in albumIds.Distinct().Cast<Guid?>().Prepend(null))
        {
            foreach (var favorite in new[] { false, true })
            {
                foreach (var limit in PageSizes)
                {
                    var filter = (albumId is { } id ? $"&albumId={id}" : "") + (favorite ? "&favorite=true" : "");
                    await WalkAsync(http, $"{step}: media{filter}, limit {limit}", cursor => $"/api/media?limit={limit}{filter}{cursor}",
                        cursor => catalog.MediaAsync(Owner, albumId, favorite, cursor, limit), _ => { });
                }
            }
        }
        return albumIds.Distinct().ToList();
    }

    private async Task WalkAsync(HttpClient http, string what, Func<string, string> path, Func<string?, Task<string>> expected, Action<JsonElement> seen)
    {
        string? cursor = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            request.Headers.Authorization = new("Bearer", user.AccessToken);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode} {body}");
            var catalogBody = await expected(cursor);
            Assert.True(catalogBody == body, $"{what}, cursor {cursor}:\n gateway {body}\n catalog {catalogBody}");
            using var page = JsonDocument.Parse(body);
            seen(page.RootElement);
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
    }

    private static IEnumerable<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
}
