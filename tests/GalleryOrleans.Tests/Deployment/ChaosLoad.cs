using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.Storage;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// A mixed load of S3 PUT/GET, gallery uploads and listings from several workers. It records every request's
/// outcome and time (and what failed), every acknowledged write, and every read whose bytes were not the bytes written
/// (a torn or half-written object).
/// </summary>
internal sealed class ChaosLoad(ApiClient api, SignedInUser user, S3User s3, string bucket)
{
    private readonly ConcurrentDictionary<string, string> acknowledged = new();
    private readonly ConcurrentBag<string> mediaAcknowledged = [];
    private int sequence;

    public ConcurrentQueue<(DateTime At, bool Succeeded)> Outcomes { get; } = new();
    public ConcurrentQueue<string> Failures { get; } = new();
    public ConcurrentQueue<string> TornReads { get; } = new();
    public IReadOnlyDictionary<string, string> AcknowledgedObjects => acknowledged;
    public IReadOnlyCollection<string> AcknowledgedMedia => mediaAcknowledged;

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stop))));

    public static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private async Task WorkAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var step = Interlocked.Increment(ref sequence);
            string? failure;
            try
            {
                failure = await StepAsync(step);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                failure = $"step {step}: {error.GetType().Name}: {error.Message}";
            }
            var at = DateTime.UtcNow;
            Outcomes.Enqueue((at, failure is null));
            if (failure is not null)
            {
                Failures.Enqueue($"{at:HH:mm:ss.fff} {failure}");
            }
        }
    }

    /// <summary>Runs one request; null when it succeeded, else what failed.</summary>
    private async Task<string?> StepAsync(int step)
    {
        switch (step % 6)
        {
            case 0:
                var upload = await Uploads.SendAsync(api, user.AccessToken, ($"chaos-{step}.jpg", SamplePhotos.Bytes("astronaut__crop5.jpg")));
                if (upload.StatusCode == HttpStatusCode.Created)
                {
                    mediaAcknowledged.Add((await ApiClient.ReadJsonAsync(upload)).GetProperty("items")[0].GetProperty("id").GetString()!);
                }
                return upload.StatusCode == HttpStatusCode.Created ? null : $"upload: {(int)upload.StatusCode}";
            case 1:
                var listing = await api.SendAsync(HttpMethod.Get, "/api/media?limit=20", token: user.AccessToken);
                return listing.StatusCode == HttpStatusCode.OK ? null : $"media listing: {(int)listing.StatusCode}";
            case 2 or 4:
                if (acknowledged.IsEmpty)
                {
                    return null;
                }
                var key = acknowledged.Keys.ElementAt(Random.Shared.Next(acknowledged.Count));
                var read = await ReadAsync(key);
                if (Hash(read) != acknowledged[key])
                {
                    TornReads.Enqueue(key);
                }
                return null;
            default:
                var data = ObjectUploads.RandomBytes(50_000 + Random.Shared.Next(400_000));
                var put = $"chaos/{step:D6}";
                using (var body = new MemoryStream(data))
                {
                    await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = put, InputStream = body });
                }
                acknowledged[put] = Hash(data);
                return null;
        }
    }

    /// <summary>Asserts that every acknowledged object and upload reads back with the bytes written.</summary>
    public async Task CheckNothingLostAsync()
    {
        foreach (var (key, hash) in acknowledged)
        {
            Assert.Equal(hash, Hash(await ReadAsync(key)));
        }
        var photo = SamplePhotos.Bytes("astronaut__crop5.jpg");
        foreach (var media in mediaAcknowledged)
        {
            var content = await api.SendAsync(HttpMethod.Get, $"/api/media/{media}/content", token: user.AccessToken);
            Assert.Equal(photo, await content.Content.ReadAsByteArrayAsync());
        }
    }

    public async Task<byte[]> ReadAsync(string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucket, key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
