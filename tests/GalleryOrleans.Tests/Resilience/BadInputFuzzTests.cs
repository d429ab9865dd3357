using System.Collections.Concurrent;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Resilience;

/// <summary>
/// A seeded storm of malformed requests against the real gateway and S3 port (bounded: a fixed count, a few at a
/// time). Bad input is the client's error: no answer may be a 5xx (S3's and the API's documented 501 for what is
/// not implemented aside), no connection may be dropped without an answer, and the system must work after.
/// </summary>
public sealed class BadInputFuzzTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private const int Seed = 20261201;
    private const int RequestsPerPort = 1500;
    private const int Concurrency = 4;
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task Malformed_requests_get_no_5xx_and_drop_no_connection_and_the_system_works_after()
    {
        var user = await S3User.CreateAsync(cluster);
        var bucket = "fuzz-" + Guid.NewGuid().ToString("N")[..8];
        await user.Client.PutBucketAsync(bucket);
        await user.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "kept" });
        var album = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/albums", new { name = "fuzz" }, user.User.AccessToken));
        var media = await Uploads.PhotoAsync(api, user.User.AccessToken);
        var inputs = new FuzzInputs(new Random(Seed), user.User.AccessToken, album.GetProperty("id").GetString()!, media.GetProperty("id").GetString()!, bucket);
        var requests = Enumerable.Range(0, RequestsPerPort).SelectMany(_ => new[] { (Api: true, Request: inputs.NextApi()), (Api: false, Request: inputs.NextS3()) }).ToList();
        var signer = new RawS3Signer(cluster.S3Endpoint, user.AccessKeyId, user.SecretAccessKey);
        var failures = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, _) =>
        {
            var response = await SendAsync(item.Api, item.Request, signer);
            if (response.Dropped || (response.Status >= 500 && response.Status != 501))
            {
                failures.Add($"{(response.Dropped ? "dropped" : response.Status)} for {item.Request}: {response.Body[..Math.Min(300, response.Body.Length)]}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} failures, e.g.:\n" + string.Join("\n", failures.Take(15)));
        await AssertStillWorksAsync();
    }

    private async Task<RawResponse> SendAsync(bool toApi, FuzzRequest request, RawS3Signer signer)
    {
        if (toApi)
        {
            return await RawHttp.SendAsync(api.Http.BaseAddress!, request.Method, request.Target, request.Headers, request.Body);
        }
        List<KeyValuePair<string, string>> headers;
        try
        {
            headers = request.Sign ? signer.Sign(request.Method, request.Target, request.Headers) : [.. request.Headers];
        }
        catch (Exception)
        {
            // A target the signer's own parser cannot read goes unsigned; the gateway must refuse it all the same.
            headers = [.. request.Headers];
        }
        return await RawHttp.SendAsync(cluster.S3Endpoint, request.Method, request.Target, headers, request.Body);
    }

    private async Task AssertStillWorksAsync()
    {
        var fresh = await S3User.CreateAsync(cluster);
        var photo = await Uploads.PhotoAsync(api, fresh.User.AccessToken, "chelsea.jpg");
        var bucket = "after-" + Guid.NewGuid().ToString("N")[..8];
        await fresh.Client.PutBucketAsync(bucket);
        await fresh.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "after", ContentBody = "still works" });
        using var read = await fresh.Client.GetObjectAsync(bucket, "after");
        using var text = new StreamReader(read.ResponseStream);

        Assert.Equal("image", photo.GetProperty("type").GetString());
        Assert.Equal("still works", await text.ReadToEndAsync());
    }
}
