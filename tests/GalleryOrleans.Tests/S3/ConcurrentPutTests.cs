using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>
/// Many PUTs to one bucket at once, which its bucket grain records together (group commit): every write lands with its
/// own bytes, the bucket's totals count it once, what it replaced is gone from the disk, and a refused write fails
/// only itself.
/// </summary>
public sealed class ConcurrentPutTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task Concurrent_puts_all_land_and_the_bucket_counts_each_object_once()
    {
        var (s3, bucket) = await NewBucketAsync();
        var distinct = Enumerable.Range(0, 24).Select(i => ($"object-{i:D2}", $"bytes of object {i}"));
        var overwrites = Enumerable.Range(0, 8).Select(i => ("shared", $"writer {i} of the shared key"));

        var puts = await Task.WhenAll(distinct.Concat(overwrites).Select(async write => (write, await PutAsync(s3, bucket, write.Item1, write.Item2))));

        Assert.All(puts, put => Assert.Equal($"\"{Md5Hex(put.write.Item2)}\"", put.Item2.ETag));
        var listed = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Equal(25, listed.S3Objects.Count);
        foreach (var (key, content) in distinct)
        {
            Assert.Equal(content, await ReadAsync(s3, bucket, key));
        }
        var shared = await ReadAsync(s3, bucket, "shared");
        Assert.Contains(shared, overwrites.Select(write => write.Item2));
        var totals = await BucketTotalsAsync(s3, bucket);
        Assert.Equal(25, totals.ObjectCount);
        Assert.Equal(listed.S3Objects.Sum(o => o.Size ?? 0), totals.SizeBytes);
        Assert.Equal(25, Directory.GetFiles(BucketFolder(bucket), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_refused_write_among_concurrent_ones_fails_only_itself()
    {
        var (s3, bucket) = await NewBucketAsync();
        await PutAsync(s3, bucket, "lock", "held");

        var conditional = Enumerable.Range(0, 6).Select(i => TryPutAsync(s3, bucket, "lock", $"taker {i}", ifNoneMatch: "*"));
        var plain = Enumerable.Range(0, 6).Select(i => TryPutAsync(s3, bucket, $"free-{i}", $"free {i}", ifNoneMatch: null));
        var results = await Task.WhenAll(conditional.Concat(plain));

        Assert.All(results[..6], code => Assert.Equal("PreconditionFailed", code));
        Assert.All(results[6..], code => Assert.Equal("OK", code));
        Assert.Equal("held", await ReadAsync(s3, bucket, "lock"));
        Assert.Equal(7, (await BucketTotalsAsync(s3, bucket)).ObjectCount);
    }

    [Fact]
    public async Task A_presigned_put_leaves_no_staged_file_behind_whether_it_lands_or_not()
    {
        var (s3, bucket) = await NewBucketAsync();
        var url = await s3.PresignAsync(bucket, "photo.bin", HttpVerb.PUT);
        var body = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        using var http = new HttpClient();

        using var stored = await http.PutAsync(url, new ByteArrayContent(body));
        var badDigest = new ByteArrayContent(body);
        badDigest.Headers.ContentMD5 = MD5.HashData([1, 2, 3]);
        using var refused = await http.PutAsync(url, badDigest);

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"", stored.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<Code>BadDigest</Code>", await refused.Content.ReadAsStringAsync());
        using var got = await s3.Client.GetObjectAsync(bucket, "photo.bin");
        using var copy = new MemoryStream();
        await got.ResponseStream.CopyToAsync(copy);
        Assert.Equal(body, copy.ToArray());
        var staging = Path.Combine(cluster.DataDirectory, "objects", ".tmp");
        Assert.Empty(Directory.Exists(staging) ? Directory.GetFiles(staging, "*", SearchOption.AllDirectories) : []);
    }

    private async Task<(S3User S3, string Bucket)> NewBucketAsync()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = "group-" + Guid.NewGuid().ToString("N")[..20];
        await s3.Client.PutBucketAsync(bucket);
        return (s3, bucket);
    }

    private string BucketFolder(string bucket) => Path.Combine(cluster.DataDirectory, "objects", "buckets", bucket);

    private async Task<(long ObjectCount, long SizeBytes)> BucketTotalsAsync(S3User s3, string bucket)
    {
        var api = new ApiClient(cluster);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/buckets", token: s3.User.AccessToken));
        var item = listed.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("name").GetString() == bucket);
        return (item.GetProperty("objectCount").GetInt64(), item.GetProperty("sizeBytes").GetInt64());
    }

    private static Task<PutObjectResponse> PutAsync(S3User s3, string bucket, string key, string content) =>
        s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content });

    private static async Task<string> TryPutAsync(S3User s3, string bucket, string key, string content, string? ifNoneMatch)
    {
        try
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content };
            if (ifNoneMatch is not null)
            {
                request.IfNoneMatch = ifNoneMatch;
            }
            return (await s3.Client.PutObjectAsync(request)).HttpStatusCode.ToString();
        }
        catch (AmazonS3Exception error)
        {
            return error.ErrorCode;
        }
    }

    private static async Task<string> ReadAsync(S3User s3, string bucket, string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    private static string Md5Hex(string content) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content)));
}
