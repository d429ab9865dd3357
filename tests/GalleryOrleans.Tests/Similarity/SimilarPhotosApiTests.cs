using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Similarity;

/// <summary>
/// The whole sequence through the gateway: upload the shared sample set, detect, watch the status,
/// read the groups, dismiss one. The groups are judged against truth.json by pairwise precision and recall.
/// </summary>
public sealed class SimilarPhotosApiTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Detection_groups_the_sample_set_and_dismissed_groups_stay_dismissed()
    {
        var user = await api.NewUserAsync();
        var names = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(SamplePhotos.Directory, "*.jpg").Order())
        {
            var media = await Uploads.PhotoAsync(api, user.AccessToken, Path.GetFileName(file));
            names[media.GetProperty("id").GetString()!] = Path.GetFileName(file);
        }

        var idle = await Json(HttpMethod.Get, "/api/similar/status", user);
        var detect = await api.SendAsync(HttpMethod.Post, "/api/similar/detect", new { }, user.AccessToken);
        var finished = await WaitUntilFinishedAsync(user);
        var groups = await AllGroupsAsync(user);
        var (precision, recall) = PairwiseQuality(groups.Select(g => g.Select(m => names[m]).ToList()).ToList());

        Assert.Equal("idle", idle.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Accepted, detect.StatusCode);
        Assert.Equal("done", finished.GetProperty("state").GetString());
        Assert.Equal(names.Count, finished.GetProperty("total").GetInt64());
        Assert.Equal(groups.Count, finished.GetProperty("groupCount").GetInt32());
        Assert.True(precision >= 0.99, $"precision {precision}");
        Assert.True(recall >= 0.95, $"recall {recall}");

        var page = await Json(HttpMethod.Get, "/api/similar/groups?limit=1", user);
        var first = page.GetProperty("items")[0];
        Assert.All(first.GetProperty("items").EnumerateArray(), item =>
            Assert.InRange(item.GetProperty("similarityScore").GetDouble(), 0.0, 1.0));
        var dismissed = await api.SendAsync(HttpMethod.Delete, $"/api/similar/groups/{first.GetProperty("id").GetString()}", token: user.AccessToken);
        await api.SendAsync(HttpMethod.Post, "/api/similar/detect", null, user.AccessToken);
        await WaitUntilFinishedAsync(user);
        var after = await AllGroupsAsync(user);

        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.Equal(groups.Count - 1, after.Count);
    }

    [Fact]
    public async Task Bad_thresholds_and_other_users_groups_are_refused()
    {
        var user = await api.NewUserAsync();

        var tooHigh = await api.SendAsync(HttpMethod.Post, "/api/similar/detect", new { threshold = 40 }, user.AccessToken);
        var notANumber = await api.PostJsonTextAsync("/api/similar/detect", """{"threshold":"high"}""");
        var unknownGroup = await api.SendAsync(HttpMethod.Delete, $"/api/similar/groups/{Guid.NewGuid()}", token: user.AccessToken);
        var anonymous = await api.SendAsync(HttpMethod.Get, "/api/similar/status");

        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownGroup.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<JsonElement> WaitUntilFinishedAsync(SignedInUser user)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = await Json(HttpMethod.Get, "/api/similar/status", user);
            if (status.GetProperty("state").GetString() is "done" or "failed" || DateTime.UtcNow > deadline)
            {
                return status;
            }
            await Task.Delay(100);
        }
    }

    private async Task<List<List<string>>> AllGroupsAsync(SignedInUser user)
    {
        var groups = new List<List<string>>();
        string? cursor = null;
        do
        {
            var page = await Json(HttpMethod.Get, $"/api/similar/groups?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}", user);
            groups.AddRange(page.GetProperty("items").EnumerateArray()
                .Select(g => g.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("mediaId").GetString()!).ToList()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return groups;
    }

    private static (double Precision, double Recall) PairwiseQuality(List<List<string>> found)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(SamplePhotos.SimilarDirectory, "truth.json")));
        var groupOf = new Dictionary<string, int>();
        var index = 0;
        foreach (var group in truth.RootElement.GetProperty("groups").EnumerateArray())
        {
            foreach (var name in group.EnumerateArray())
            {
                groupOf[name.GetString()!] = index;
            }
            index++;
        }
        var truePairs = groupOf.GroupBy(g => g.Value).Sum(g => g.Count() * (g.Count() - 1) / 2);
        var foundPairs = found.SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b)))).ToList();
        var correct = foundPairs.Count(p => groupOf[p.a] == groupOf[p.b]);
        return (foundPairs.Count == 0 ? 0 : (double)correct / foundPairs.Count, (double)correct / truePairs);
    }

    private async Task<JsonElement> Json(HttpMethod method, string path, SignedInUser user) =>
        await ApiClient.ReadJsonAsync(await api.SendAsync(method, path, token: user.AccessToken));
}
