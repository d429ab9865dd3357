using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>
/// A GET streams the object's published file from the storage root in the gateway: ranges and every change of the key
/// are answered as before, a read in flight keeps the whole object it started, and a gateway without the root still serves.
/// </summary>
public sealed class PublishedFileReadTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task A_read_in_flight_keeps_the_whole_object_while_its_key_is_overwritten_and_deleted()
    {
        var (s3, bucket) = await BucketAsync();
        var original = RandomNumberGenerator.GetBytes(32 << 20);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", InputStream = new MemoryStream(original) });
        var url = await s3.PresignAsync(bucket, "k", HttpVerb.GET);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var start = new byte[64 * 1024];
        await body.ReadExactlyAsync(start);

        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "replacement" });
        await s3.Client.DeleteObjectAsync(bucket, "k");
        using var rest = new MemoryStream();
        await body.CopyToAsync(rest);

        Assert.Equal(original, start.Concat(rest.ToArray()).ToArray());
        var gone = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.GetObjectAsync(bucket, "k"));
        Assert.Equal("NoSuchKey", gone.ErrorCode);
    }

    [Fact]
    public async Task Reads_follow_every_overwrite_copy_completed_upload_and_delete_of_a_key()
    {
        var (s3, bucket) = await BucketAsync();
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "src", ContentBody = "copied" });
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "first" });
        Assert.Equal("first", await ReadAsync(s3, bucket, "k"));

        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "second" });
        Assert.Equal("second", await ReadAsync(s3, bucket, "k"));

        await s3.Client.CopyObjectAsync(bucket, "src", bucket, "k");
        Assert.Equal("copied", await ReadAsync(s3, bucket, "k"));

        var upload = await s3.Client.InitiateMultipartUploadAsync(bucket, "k");
        var part = await s3.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = "k",
            UploadId = upload.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream("joined"u8.ToArray()),
        });
        await s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "k",
            UploadId = upload.UploadId,
            PartETags = [new PartETag(1, part.ETag)],
        });
        Assert.Equal("joined", await ReadAsync(s3, bucket, "k"));

        await s3.Client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = [new KeyVersion { Key = "k" }] });
        var gone = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.GetObjectAsync(bucket, "k"));
        Assert.Equal("NoSuchKey", gone.ErrorCode);
    }

    [Fact]
    public async Task Ranges_across_read_steps_and_the_last_byte_are_the_stored_bytes()
    {
        var (s3, bucket) = await BucketAsync();
        var data = RandomNumberGenerator.GetBytes((3 << 20) + 17);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", InputStream = new MemoryStream(data) });

        foreach (var (first, last) in new[] { (200_000L, 900_000L), (data.Length - 1L, data.Length - 1L), (0L, data.Length - 1L) })
        {
            using var response = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k", ByteRange = new ByteRange(first, last) });
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy);
            Assert.Equal(data[(int)first..(int)(last + 1)], copy.ToArray());
        }
    }

    [Fact]
    public async Task A_gateway_that_does_not_mount_the_storage_root_serves_reads_through_the_silos()
    {
        var (s3, bucket) = await BucketAsync();
        var data = RandomNumberGenerator.GetBytes((2 << 20) + 5);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", InputStream = new MemoryStream(data) });
        var other = S3User.ClientFor(await cluster.StartGatewayWithoutStorageRootAsync(), s3.AccessKeyId, s3.SecretAccessKey);

        using var response = await other.GetObjectAsync(bucket, "k");
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        Assert.Equal(data, copy.ToArray());
    }

    private async Task<(S3User S3, string Bucket)> BucketAsync()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = "read-" + Guid.NewGuid().ToString("N")[..12];
        await s3.Client.PutBucketAsync(bucket);
        return (s3, bucket);
    }

    private static async Task<string> ReadAsync(S3User s3, string bucket, string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
