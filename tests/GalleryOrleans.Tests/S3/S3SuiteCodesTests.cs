using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>
/// Answers the ceph/s3-tests suite (deploy/s3-conformance) checks where AWS and RGW differ or a client re-sends parts,
/// and ListMultipartUploads with a delimiter, each through a real client against the real gateway: the aws CLI, raw
/// signed HTTP and the AWS SDK.
/// </summary>
public sealed class S3SuiteCodesTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task A_presigned_url_with_a_negative_lifetime_is_expired()
    {
        var (s3, bucket) = await NewBucketAsync();
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "foo", ContentBody = "old" });
        var config = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(config, "[default]\ns3 =\n  signature_version = s3v4\n");
            var cli = new AwsCli(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);
            var presigned = await cli.RunAsync(["s3", "presign", $"s3://{bucket}/foo", "--expires-in", "-1000"], config);
            Assert.True(presigned.Succeeded, presigned.Output);
            Assert.Contains("X-Amz-Expires=-1000", presigned.Output);

            using var http = new HttpClient();
            using var put = await http.PutAsync(presigned.Output.Trim(), new StringContent("new"));
            var body = await put.Content.ReadAsStringAsync();

            Assert.Equal(403, (int)put.StatusCode);
            Assert.Contains("<Code>AccessDenied</Code>", body);
            Assert.Contains("expired", body);
            using var kept = await s3.Client.GetObjectAsync(bucket, "foo");
            Assert.Equal("old", await new StreamReader(kept.ResponseStream).ReadToEndAsync());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("AAAA")]
    public async Task A_checksum_header_that_is_no_sha256_is_a_bad_digest(string value)
    {
        var (s3, bucket) = await NewBucketAsync();
        var signer = new RawS3Signer(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);

        var response = await signer.SendAsync("PUT", $"/{bucket}/myobj",
            new Dictionary<string, string> { ["x-amz-checksum-sha256"] = value }, Encoding.ASCII.GetBytes(new string('A', 1024)));

        Assert.Equal(400, response.Status);
        Assert.Contains("<Code>BadDigest</Code>", response.Body);
        var listing = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Empty(listing.S3Objects ?? []);
    }

    [Fact]
    public async Task A_complete_that_lists_a_resent_part_twice_keeps_the_last_listed()
    {
        var (s3, bucket) = await NewBucketAsync();
        var upload = await s3.Client.InitiateMultipartUploadAsync(bucket, "obj");
        var first = await UploadPartAsync(s3, bucket, upload.UploadId, Encoding.ASCII.GetBytes("BBBBBBBB"));
        var last = await UploadPartAsync(s3, bucket, upload.UploadId, Encoding.ASCII.GetBytes("AAAAAAAA"));
        var signer = new RawS3Signer(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);

        var completed = await signer.SendAsync("POST", $"/{bucket}/obj?uploadId={upload.UploadId}", body: Encoding.UTF8.GetBytes(
            $"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>{first}</ETag></Part>" +
            $"<Part><PartNumber>1</PartNumber><ETag>{last}</ETag></Part></CompleteMultipartUpload>"));

        Assert.Equal(200, completed.Status);
        using var read = await s3.Client.GetObjectAsync(bucket, "obj");
        Assert.Equal("AAAAAAAA", await new StreamReader(read.ResponseStream).ReadToEndAsync());
        Assert.Equal($"\"{MultipartETagOfOnePart("AAAAAAAA")}\"", read.ETag);
    }

    [Fact]
    public async Task Uploads_in_progress_roll_up_by_delimiter_in_pages()
    {
        var (s3, bucket) = await NewBucketAsync();
        foreach (var key in new[] { "a", "dir/x", "dir/y", "dir/sub/z", "other/q", "z" })
        {
            await s3.Client.InitiateMultipartUploadAsync(bucket, key);
        }

        var all = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Delimiter = "/" });
        var inDir = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
        {
            BucketName = bucket,
            Delimiter = "/",
            Prefix = "dir/",
        });
        var first = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
        {
            BucketName = bucket,
            Delimiter = "/",
            MaxUploads = 2,
        });
        var second = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
        {
            BucketName = bucket,
            Delimiter = "/",
            MaxUploads = 2,
            KeyMarker = first.NextKeyMarker,
            UploadIdMarker = first.NextUploadIdMarker,
        });

        Assert.Equal(["a", "z"], all.MultipartUploads.Select(u => u.Key));
        Assert.Equal(["dir/", "other/"], all.CommonPrefixes);
        Assert.Equal(["dir/x", "dir/y"], inDir.MultipartUploads.Select(u => u.Key));
        Assert.Equal(["dir/sub/"], inDir.CommonPrefixes);
        Assert.True(first.IsTruncated);
        Assert.Equal(["a"], first.MultipartUploads.Select(u => u.Key));
        Assert.Equal(["dir/"], first.CommonPrefixes);
        Assert.Equal("dir/", first.NextKeyMarker);
        Assert.Equal(["z"], second.MultipartUploads.Select(u => u.Key));
        Assert.Equal(["other/"], second.CommonPrefixes);
        Assert.False(second.IsTruncated);
    }

    private static async Task<string> UploadPartAsync(S3User s3, string bucket, string uploadId, byte[] bytes) =>
        (await s3.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = "obj",
            UploadId = uploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(bytes),
        })).ETag;

    private static string MultipartETagOfOnePart(string body) =>
        Convert.ToHexStringLower(MD5.HashData(MD5.HashData(Encoding.ASCII.GetBytes(body)))) + "-1";

    private async Task<(S3User S3, string Bucket)> NewBucketAsync()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = "suite-" + Guid.NewGuid().ToString("N")[..20];
        await s3.Client.PutBucketAsync(bucket);
        return (s3, bucket);
    }
}
