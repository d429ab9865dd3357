using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.Storage;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// Writes while a backup is taken: S3 PUTs of fresh keys, DELETEs of earlier ones and gallery uploads, one after the
/// other until stopped. It records when each write was acknowledged, and the SHA-256 of every body it sent.
/// </summary>
internal sealed class BackupWriteLoad(ApiClient api, SignedInUser user, S3User s3, string bucket)
{
    private readonly ConcurrentDictionary<string, string> sentHashes = new();

    public List<(string Key, DateTime AcknowledgedAt)> Puts { get; } = [];
    public List<(string Key, DateTime AcknowledgedAt)> Deletes { get; } = [];
    public List<(string MediaId, DateTime AcknowledgedAt)> MediaUploads { get; } = [];
    public HashSet<string> DeletesSent { get; } = [];
    public int Failures { get; private set; }

    /// <summary>The SHA-256 of the body last sent for a key, acknowledged or not.</summary>
    public string? SentHash(string key) => sentHashes.GetValueOrDefault(key);

    public async Task RunAsync(CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            try
            {
                await WriteAsync(round);
            }
            catch (Exception error) when (error is AmazonS3Exception or HttpRequestException or TaskCanceledException)
            {
                // A write that fails is not acknowledged; the checks only rely on acknowledged ones.
                Failures++;
            }
        }
    }

    private async Task WriteAsync(int round)
    {
        var key = $"load/{round:D5}";
        var data = ObjectUploads.RandomBytes(100_000 + (round % 7) * 150_000);
        sentHashes[key] = Convert.ToHexStringLower(SHA256.HashData(data));
        using (var body = new MemoryStream(data))
        {
            await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body });
        }
        Puts.Add((key, DateTime.UtcNow));
        if (round % 3 == 2)
        {
            var victim = Puts[Deletes.Count].Key;
            DeletesSent.Add(victim);
            await s3.Client.DeleteObjectAsync(bucket, victim);
            Deletes.Add((victim, DateTime.UtcNow));
        }
        if (round % 4 == 0)
        {
            var response = await Uploads.SendAsync(api, user.AccessToken, ($"load-{round}.jpg", SamplePhotos.Bytes("astronaut__bright.jpg")));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var media = (await ApiClient.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
                MediaUploads.Add((media, DateTime.UtcNow));
            }
        }
    }
}
