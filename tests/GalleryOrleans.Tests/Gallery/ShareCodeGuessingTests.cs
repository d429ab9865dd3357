using System.Net;
using System.Net.Http.Json;
using GalleryOrleans.Tests.Infrastructure;
using Orleans.Runtime;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// Access-code guessing is limited per link across all clients (10 an hour), not only per client, and the count
/// survives the share grain's deactivation.
/// </summary>
public sealed class ShareCodeGuessingTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private const string Code = "open-sesame";
    private readonly ApiClient api = new(cluster);
    private int nextClient = 2;

    [Fact]
    public async Task Ten_wrong_codes_from_many_clients_close_the_link_to_everyone_without_a_session_even_after_deactivation()
    {
        var token = await CodedShareAsync();
        using var insider = NewClient();
        var session = await UnlockedSessionAsync(insider, token);

        var wrong = new List<HttpStatusCode>();
        for (var guesser = 0; guesser < 5; guesser++)
        {
            using var client = NewClient();
            wrong.Add((await UnlockAsync(client, token, $"wrong-{guesser}-a")).StatusCode);
            wrong.Add((await UnlockAsync(client, token, $"wrong-{guesser}-b")).StatusCode);
        }
        await DeactivateShareGrainsAsync();
        using var newcomer = NewClient();
        var refused = await UnlockAsync(newcomer, token, Code);
        var refusedBody = await ApiClient.ReadJsonAsync(refused);
        var insiderAgain = await UnlockAsync(insider, token, Code, session);
        using var opened = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}");
        opened.Headers.Add("X-Share-Session", session);
        var insiderOpens = await insider.SendAsync(opened);

        Assert.All(wrong, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(429, refusedBody.GetProperty("status").GetInt32());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, insiderAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, insiderOpens.StatusCode);
    }

    [Fact]
    public async Task Changing_the_code_reopens_a_closed_link()
    {
        var owner = await api.NewUserAsync();
        var token = await CodedShareAsync(owner);
        for (var guesser = 0; guesser < 5; guesser++)
        {
            using var client = NewClient();
            await UnlockAsync(client, token, $"wrong-{guesser}-a");
            await UnlockAsync(client, token, $"wrong-{guesser}-b");
        }
        using var before = NewClient();
        var closed = await UnlockAsync(before, token, Code);

        var changed = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { accessCode = "new-code-42" }, owner.AccessToken);
        using var after = NewClient();
        var reopened = await UnlockAsync(after, token, "new-code-42");

        Assert.Equal(HttpStatusCode.TooManyRequests, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("abc")]
    public async Task Access_codes_shorter_than_six_characters_are_refused_on_create_and_change(string shortCode)
    {
        var owner = await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var token = await CodedShareAsync(owner);

        var created = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media, accessCode = shortCode }, owner.AccessToken);
        var changed = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { accessCode = shortCode }, owner.AccessToken);
        var sixIsEnough = await api.SendAsync(HttpMethod.Patch, $"/api/shares/{token}", new { accessCode = "123456" }, owner.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(created)).GetProperty("errors").TryGetProperty("accessCode", out _));
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sixIsEnough.StatusCode);
    }

    private HttpClient NewClient() => LoopbackClients.From(nextClient++, cluster.Http.BaseAddress!);

    private async Task<string> CodedShareAsync(SignedInUser? owner = null)
    {
        owner ??= await api.NewUserAsync();
        var media = (await Uploads.PhotoAsync(api, owner.AccessToken)).GetProperty("id").GetString();
        var created = await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media, accessCode = Code }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await ApiClient.ReadJsonAsync(created)).GetProperty("token").GetString()!;
    }

    private static async Task<string> UnlockedSessionAsync(HttpClient client, string token)
    {
        var unlocked = await UnlockAsync(client, token, Code);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        return (await ApiClient.ReadJsonAsync(unlocked)).GetProperty("shareSession").GetString()!;
    }

    private static async Task<HttpResponseMessage> UnlockAsync(HttpClient client, string token, string code, string? session = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{token}/unlock") { Content = JsonContent.Create(new { code }) };
        if (session is not null)
        {
            request.Headers.Add("X-Share-Session", session);
        }
        return await client.SendAsync(request);
    }

    /// <summary>Deactivates every idle grain, share grains included, so the next call reads the persisted state.</summary>
    private async Task DeactivateShareGrainsAsync()
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var statistics = await management.GetSimpleGrainStatistics();
        Assert.DoesNotContain(statistics, s => s.GrainType.Contains("ShareGrain", StringComparison.Ordinal) && s.ActivationCount > 0);
    }
}
