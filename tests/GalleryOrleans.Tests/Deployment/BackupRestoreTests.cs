using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.Storage;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// deploy/local/backup.sh on a running system under write load, restore.sh into a fresh data folder, and run.sh on
/// the restored folder: every user, media item, album, share and S3 object acknowledged before the backup is there
/// with its bytes, and every object the restored system lists has the bytes that were written for it.
/// </summary>
[Collection(ScriptedDeployment.Collection)]
public sealed class BackupRestoreTests
{
    private const string Bucket = "backup-bucket";

    [Fact]
    public async Task A_backup_taken_under_write_load_restores_every_acknowledged_item_with_its_bytes()
    {
        var backup = Path.Combine(Path.GetTempPath(), "galleryorleans-backup-" + Guid.NewGuid().ToString("N")[..8]);
        var restoredData = ScriptedDeployment.NewDataDirectory();
        try
        {
            var (seeded, load, backupStarted) = await WriteAndBackUpAsync(backup);
            await ScriptedDeployment.RunScriptAsync("restore.sh", restoredData, backup);

            await using var restored = await ScriptedDeployment.StartAsync("run.sh", restoredData);
            await CheckGalleryAsync(restored.Api, seeded);
            await CheckObjectsAsync(restored, seeded, load, backupStarted);
        }
        finally
        {
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }
    }

    private static async Task<(Seeded Seeded, BackupWriteLoad Load, DateTime BackupStarted)> WriteAndBackUpAsync(string backup)
    {
        await using var source = await ScriptedDeployment.StartAsync("run.sh", ScriptedDeployment.NewDataDirectory());
        var seeded = await SeedAsync(source);
        var load = new BackupWriteLoad(source.Api, seeded.Owner, seeded.S3, Bucket);
        using var stop = new CancellationTokenSource();
        var writing = load.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => Task.FromResult(load.Deletes.Count >= 2 && load.MediaUploads.Count >= 1), TimeSpan.FromMinutes(3));
        var backupStarted = DateTime.UtcNow;
        var report = await ScriptedDeployment.RunScriptAsync("backup.sh", source.DataDirectory, backup);
        await stop.CancelAsync();
        await writing;
        Assert.Contains("Backup written to", report);
        Assert.Contains(load.Puts, put => put.AcknowledgedAt > backupStarted);
        return (seeded, load, backupStarted);
    }

    private static async Task<Seeded> SeedAsync(ScriptedDeployment source)
    {
        var api = source.Api;
        var s3 = await S3User.CreateAsync(api, source.S3Endpoint);
        var other = await api.NewUserAsync();
        var photo = await Uploads.PhotoAsync(api, s3.User.AccessToken);
        var second = await Uploads.PhotoAsync(api, s3.User.AccessToken, "astronaut__gray.jpg");
        var album = await JsonAsync(api, HttpMethod.Post, "/api/albums", s3.User, new { name = "Trip" });
        var albumId = album.GetProperty("id").GetString()!;
        var mediaIds = new[] { photo, second }.Select(media => media.GetProperty("id").GetString()!).ToList();
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Put, $"/api/albums/{albumId}/media/{mediaIds[0]}", token: s3.User.AccessToken)).StatusCode);
        var share = await JsonAsync(api, HttpMethod.Post, "/api/shares", s3.User, new { albumId });
        await s3.Client.PutBucketAsync(Bucket);
        var objects = new Dictionary<string, string>();
        foreach (var size in new[] { 0, 1, 70_000, 3_000_000 })
        {
            var data = ObjectUploads.RandomBytes(size);
            using var body = new MemoryStream(data);
            await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = $"seed/{size}", InputStream = body });
            objects[$"seed/{size}"] = Hash(data);
        }
        return new Seeded(s3, other, mediaIds, albumId, share.GetProperty("token").GetString()!, objects);
    }

    private static async Task CheckGalleryAsync(ApiClient api, Seeded seeded)
    {
        foreach (var user in new[] { seeded.Owner, seeded.Other })
        {
            var tokens = await api.LoginAsync(user.Email, ApiClient.Password);
            var me = await JsonAsync(api, HttpMethod.Get, "/api/users/me", user with { AccessToken = tokens.AccessToken });
            Assert.Equal(user.Id, me.GetProperty("id").GetString());
        }
        var owner = seeded.Owner with { AccessToken = (await api.LoginAsync(seeded.Owner.Email, ApiClient.Password)).AccessToken };
        var samples = new[] { "astronaut.jpg", "astronaut__gray.jpg" };
        for (var i = 0; i < samples.Length; i++)
        {
            var content = await api.SendAsync(HttpMethod.Get, $"/api/media/{seeded.MediaIds[i]}/content", token: owner.AccessToken);
            Assert.Equal(SamplePhotos.Bytes(samples[i]), await content.Content.ReadAsByteArrayAsync());
            var thumbnail = await api.SendAsync(HttpMethod.Get, $"/api/media/{seeded.MediaIds[i]}/thumbnail?size=256", token: owner.AccessToken);
            Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        }
        var album = await JsonAsync(api, HttpMethod.Get, $"/api/albums/{seeded.AlbumId}", owner);
        Assert.Equal("Trip", album.GetProperty("name").GetString());
        var inAlbum = await JsonAsync(api, HttpMethod.Get, $"/api/media?albumId={seeded.AlbumId}", owner);
        Assert.Equal([seeded.MediaIds[0]], inAlbum.GetProperty("items").EnumerateArray().Select(media => media.GetProperty("id").GetString()));
        var shared = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/s/{seeded.ShareToken}"));
        Assert.Equal(seeded.MediaIds[0], shared.GetProperty("items")[0].GetProperty("id").GetString());
    }

    private static async Task CheckObjectsAsync(ScriptedDeployment restored, Seeded seeded, BackupWriteLoad load, DateTime backupStarted)
    {
        var s3 = S3User.ClientFor(restored.S3Endpoint, seeded.S3.AccessKeyId, seeded.S3.SecretAccessKey);
        var listed = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            listed.AddRange((page.S3Objects ?? []).Select(item => item.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        foreach (var key in listed)
        {
            using var response = await s3.GetObjectAsync(Bucket, key);
            using var bytes = new MemoryStream();
            await response.ResponseStream.CopyToAsync(bytes);
            Assert.Equal(seeded.Objects.GetValueOrDefault(key) ?? load.SentHash(key), Hash(bytes.ToArray()));
        }
        var mustExist = seeded.Objects.Keys.Concat(load.Puts
            .Where(put => put.AcknowledgedAt < backupStarted && !load.DeletesSent.Contains(put.Key)).Select(put => put.Key));
        Assert.Empty(mustExist.Except(listed));
        Assert.Empty(load.Deletes.Where(delete => delete.AcknowledgedAt < backupStarted).Select(delete => delete.Key).Intersect(listed));
        var owner = (await restored.Api.LoginAsync(seeded.Owner.Email, ApiClient.Password)).AccessToken;
        foreach (var (media, _) in load.MediaUploads.Where(upload => upload.AcknowledgedAt < backupStarted))
        {
            var content = await restored.Api.SendAsync(HttpMethod.Get, $"/api/media/{media}/content", token: owner);
            Assert.Equal(SamplePhotos.Bytes("astronaut__bright.jpg"), await content.Content.ReadAsByteArrayAsync());
        }
    }

    private static async Task<JsonElement> JsonAsync(ApiClient api, HttpMethod method, string path, SignedInUser user, object? body = null)
    {
        var response = await api.SendAsync(method, path, body, user.AccessToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
        return await ApiClient.ReadJsonAsync(response);
    }

    private static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private sealed record Seeded(
        S3User S3, SignedInUser Other, IReadOnlyList<string> MediaIds, string AlbumId, string ShareToken, Dictionary<string, string> Objects)
    {
        public SignedInUser Owner => S3.User;
    }
}
