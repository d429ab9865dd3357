using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using NetVips;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>
/// Through the gateway, without ever calling detect: uploads join the owner's groups as they arrive, with why
/// each photo is there and which one to keep.
/// </summary>
public sealed class IncrementalSimilarityApiTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Uploads_form_and_join_a_group_with_reasons_and_the_suggested_keeper()
    {
        var user = await api.NewUserAsync();
        var original = await IdOfAsync(user, "astronaut.jpg", SamplePhotos.Bytes("astronaut.jpg"));
        await IdOfAsync(user, "chelsea.jpg", SamplePhotos.Bytes("chelsea.jpg"));
        var copy = await IdOfAsync(user, "astronaut__half.jpg", SamplePhotos.Bytes("astronaut__half.jpg"));
        var pair = await WaitForGroupAsync(user, size: 2);
        var shot = await IdOfAsync(user, "astronaut-shot.jpg", ShiftedShot("astronaut.jpg"));
        var trio = await WaitForGroupAsync(user, size: 3);

        Assert.Equal(new[] { copy, original }.Order(), Members(pair).Keys.Order());
        var items = Members(trio);
        Assert.Equal(new[] { copy, original, shot }.Order(), items.Keys.Order());
        Assert.Equal("copy", items[original].GetProperty("reason").GetString());
        Assert.Equal("copy", items[copy].GetProperty("reason").GetString());
        Assert.Equal("burst", items[shot].GetProperty("reason").GetString());
        // The original has the most pixels (the copy is half size, the shot a window of it).
        Assert.Equal([original], items.Where(item => item.Value.GetProperty("suggestedKeep").GetBoolean()).Select(item => item.Key));
        Assert.All(items.Values, item => Assert.InRange(item.GetProperty("similarityScore").GetDouble(), 0.0, 1.0));
        var status = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/similar/status", token: user.AccessToken));
        Assert.Equal("idle", status.GetProperty("state").GetString());
    }

    private async Task<string> IdOfAsync(SignedInUser user, string name, byte[] bytes)
    {
        var response = await Uploads.SendAsync(api, user.AccessToken, (name, bytes));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    /// <summary>Polls the groups until the only group has <paramref name="size"/> photos (embedding runs after the upload answers).</summary>
    private async Task<JsonElement> WaitForGroupAsync(SignedInUser user, int size)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var page = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/similar/groups", token: user.AccessToken));
            var groups = page.GetProperty("items").EnumerateArray().ToList();
            if (groups is [var only] && only.GetProperty("items").GetArrayLength() == size || DateTime.UtcNow > deadline)
            {
                return Assert.Single(groups);
            }
            await Task.Delay(200);
        }
    }

    private static Dictionary<string, JsonElement> Members(JsonElement group) =>
        group.GetProperty("items").EnumerateArray().ToDictionary(item => item.GetProperty("mediaId").GetString()!);

    /// <summary>A window of 80% x 85% of the photo, moved by a tenth across: another framing of the same scene.</summary>
    private static byte[] ShiftedShot(string sample)
    {
        using var image = Image.NewFromFile(SamplePhotos.PathOf(sample));
        using var window = image.Crop(image.Width / 10, image.Height * 7 / 100, image.Width * 8 / 10, image.Height * 85 / 100);
        return window.JpegsaveBuffer(q: 90);
    }
}
