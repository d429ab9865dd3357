using System.Net;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Resilience;

/// <summary>
/// With the database away the system says so (503 with Retry-After on the API, S3's ServiceUnavailable on the S3
/// port, /readyz naming the database), never 500, and it serves again by itself once the database is back. What a
/// user's library grain holds in memory (the album list, the first media pages) is still answered meanwhile.
/// </summary>
public sealed class DatabaseOutageTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(2);
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task An_unreachable_database_gives_503_on_both_ports_and_both_recover_after()
    {
        var user = await S3User.CreateAsync(cluster);
        var bucket = "outage-" + Guid.NewGuid().ToString("N")[..8];
        await user.Client.PutBucketAsync(bucket);
        var signer = new RawS3Signer(cluster.S3Endpoint, user.AccessKeyId, user.SecretAccessKey);
        Assert.Equal(HttpStatusCode.OK, (await ListSharesAsync(user)).StatusCode);

        HttpResponseMessage shares;
        RawResponse listing;
        HttpResponseMessage ready;
        await using (await DatabaseOutage.BeginAsync(cluster.ConnectionString))
        {
            shares = await ListSharesAsync(user);
            listing = await signer.SendAsync("GET", $"/{bucket}?list-type=2");
            ready = await api.Http.GetAsync("/readyz");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, shares.StatusCode);
        Assert.Equal("application/problem+json", shares.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(shares.Headers.RetryAfter);
        Assert.Equal(503, listing.Status);
        Assert.Contains("<Code>ServiceUnavailable</Code>", listing.Body);
        Assert.NotNull(listing.Header("retry-after"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("database", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await UntilNot503Async(() => ListSharesAsync(user)));
        Assert.Equal(200, (await signer.SendAsync("GET", $"/{bucket}?list-type=2")).Status);
    }

    /// <summary>
    /// Grains first called during the outage read their row (or their persistent state) while they activate, before
    /// any call filter runs: those reads fail too, and the caller must still get 503, not the driver's error as a 500.
    /// </summary>
    [Fact]
    public async Task Grains_that_activate_while_the_database_is_away_answer_503_on_both_ports()
    {
        var user = await S3User.CreateAsync(cluster);
        var signer = new RawS3Signer(cluster.S3Endpoint, user.AccessKeyId, user.SecretAccessKey);
        Assert.Equal(HttpStatusCode.OK, (await ListSharesAsync(user)).StatusCode);
        var untouched = Guid.NewGuid().ToString("N");

        HttpResponseMessage album;
        HttpResponseMessage share;
        HttpResponseMessage login;
        RawResponse bucket;
        await using (await DatabaseOutage.BeginAsync(cluster.ConnectionString))
        {
            album = await api.SendAsync(HttpMethod.Get, $"/api/albums/{Guid.NewGuid()}", token: user.User.AccessToken);
            share = await api.SendAsync(HttpMethod.Get, $"/s/{ShareTokens.New()}");
            login = await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { email = $"{untouched}@example.com", password = ApiClient.Password });
            bucket = await signer.SendAsync("GET", $"/never-{untouched[..12]}?list-type=2");
        }

        Assert.All([album, share, login], response =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
        });
        Assert.Equal(503, bucket.Status);
        Assert.Contains("<Code>ServiceUnavailable</Code>", bucket.Body);
        Assert.NotNull(bucket.Header("retry-after"));
        Assert.Equal(HttpStatusCode.NotFound, await UntilNot503Async(() =>
            api.SendAsync(HttpMethod.Get, $"/api/albums/{Guid.NewGuid()}", token: user.User.AccessToken)));
    }

    [Fact]
    public async Task A_silo_started_while_the_database_is_away_waits_for_it_and_joins()
    {
        Task<Microsoft.Extensions.Hosting.IHost> started;
        await using (await DatabaseOutage.BeginAsync(cluster.ConnectionString))
        {
            started = cluster.StartSiloAsync("late-silo");
            await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(3)));
            Assert.False(started.IsFaulted, started.Exception?.ToString());
        }

        var late = await started.WaitAsync(RecoveryLimit);
        Assert.Contains(late, cluster.Silos);
        await cluster.StopSiloAsync(late);
    }

    [Fact]
    public async Task The_album_list_and_first_media_pages_are_answered_from_memory_while_the_database_is_away()
    {
        // The other tests' outages may still be ending (pooled connections reconnecting), so the setup may be retried.
        SignedInUser user = null!;
        string album = null!;
        await Eventually.TrueAsync(async () =>
        {
            user = await api.NewUserAsync();
            album = (await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "Kept" }, user.AccessToken)))
                .GetProperty("id").GetString()!;
            var upload = await Gallery.Uploads.SendAsync(api, user.AccessToken, album, ("a.jpg", SamplePhotos.Bytes("baboon.jpg")));
            return upload.StatusCode == HttpStatusCode.Created;
        }, RecoveryLimit);
        string[] reads = ["/api/albums", "/api/media", "/api/media?limit=1", $"/api/media?albumId={album}", "/api/media?favorite=true"];
        var before = await ReadAllAsync(user, reads);

        List<(HttpStatusCode Status, string Body)> during;
        await using (await DatabaseOutage.BeginAsync(cluster.ConnectionString))
        {
            during = await ReadAllAsync(user, reads);
        }

        Assert.All(before, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(before, during);
    }

    private async Task<List<(HttpStatusCode Status, string Body)>> ReadAllAsync(SignedInUser user, IEnumerable<string> paths)
    {
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var path in paths)
        {
            var response = await api.SendAsync(HttpMethod.Get, path, token: user.AccessToken);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        return answers;
    }

    private Task<HttpResponseMessage> ListSharesAsync(S3User user) =>
        api.SendAsync(HttpMethod.Get, "/api/shares", token: user.User.AccessToken);

    /// <summary>The first answer that is not 503, asking again while the system is still catching up.</summary>
    private static async Task<HttpStatusCode> UntilNot503Async(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow + RecoveryLimit;
        while (true)
        {
            var status = (await send()).StatusCode;
            if (status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return status;
            }
            await Task.Delay(500);
        }
    }
}
