using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Resilience;

/// <summary>The per-user quota counts every bucket of the user, gallery and S3 alike, and refuses what would exceed it.</summary>
public sealed class StorageQuotaTests(QuotaCluster cluster) : IClassFixture<QuotaCluster>
{
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task S3_writes_over_the_quota_are_QuotaExceeded_and_replacing_or_deleting_frees_room()
    {
        var user = await S3User.CreateAsync(cluster);
        var (first, second) = ("q1-" + Guid.NewGuid().ToString("N")[..8], "q2-" + Guid.NewGuid().ToString("N")[..8]);
        await user.Client.PutBucketAsync(first);
        await user.Client.PutBucketAsync(second);
        await PutAsync(user, first, "a", 250_000);

        var over = await Assert.ThrowsAsync<AmazonS3Exception>(() => PutAsync(user, second, "b", 200_000));
        await PutAsync(user, first, "a", 300_000);
        await user.Client.DeleteObjectAsync(first, "a");
        await PutAsync(user, second, "b", 200_000);

        Assert.Equal("QuotaExceeded", over.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, over.StatusCode);
        var listed = await user.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = second });
        Assert.Equal("b", Assert.Single(listed.S3Objects).Key);
    }

    [Fact]
    public async Task A_gallery_upload_over_the_quota_is_507_and_keeps_nothing()
    {
        var user = await api.NewUserAsync();
        await Uploads.PhotoAsync(api, user.AccessToken, "chelsea.jpg");
        var photos = Enumerable.Repeat(("chelsea.jpg", SamplePhotos.Bytes("chelsea.jpg")), (int)(QuotaCluster.QuotaBytes / SamplePhotos.Bytes("chelsea.jpg").Length) + 1).ToArray();

        var response = await Uploads.SendAsync(api, user.AccessToken, photos);
        var problem = await ApiClient.ReadJsonAsync(response);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));

        Assert.Equal(System.Net.HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Equal("Quota exceeded", problem.GetProperty("title").GetString());
        Assert.Single(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_s3_put_declaring_more_than_the_quota_is_refused_before_its_body_is_sent()
    {
        var user = await S3User.CreateAsync(cluster);
        var bucket = "qd-" + Guid.NewGuid().ToString("N")[..8];
        await user.Client.PutBucketAsync(bucket);
        var url = new Uri(await user.PresignAsync(bucket, "big.bin", HttpVerb.PUT));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        var stream = tcp.GetStream();

        // Only the head goes out: an answer can come back only if the gateway refused without waiting for the body.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Length: {QuotaCluster.QuotaBytes + 1}\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();

        Assert.Equal("HTTP/1.1 403 Forbidden", statusLine);
    }

    [Fact]
    public async Task A_chunked_s3_put_over_the_quota_is_QuotaExceeded_and_keeps_nothing()
    {
        var user = await S3User.CreateAsync(cluster);
        var bucket = "qc-" + Guid.NewGuid().ToString("N")[..8];
        await user.Client.PutBucketAsync(bucket);
        var url = await user.PresignAsync(bucket, "streamed.bin", HttpVerb.PUT);
        using var http = new HttpClient();
        var content = new StreamContent(new MemoryStream(new byte[QuotaCluster.QuotaBytes + 100_000]));
        content.Headers.ContentLength = null;

        using var response = await http.PutAsync(url, content);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>QuotaExceeded</Code>", await response.Content.ReadAsStringAsync());
        var listed = await user.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Empty(listed.S3Objects ?? []);
        var staging = Path.Combine(cluster.DataDirectory, "objects", ".tmp");
        Assert.Empty(Directory.Exists(staging) ? Directory.GetFiles(staging, "*", SearchOption.AllDirectories) : []);
    }

    private static Task PutAsync(S3User user, string bucket, string key, int size) =>
        user.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(new byte[size]) });
}
