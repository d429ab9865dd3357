using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>S3's conditional writes (If-None-Match: *, If-Match: etag), which lock files and optimistic updates rely on.</summary>
public sealed class ConditionalWriteTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task If_none_match_stores_only_while_the_key_is_free()
    {
        var (s3, bucket) = await NewBucketAsync();

        var first = await PutAsync(s3, bucket, "lock", "first", ifNoneMatch: "*");
        var second = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutAsync(s3, bucket, "lock", "second", ifNoneMatch: "*"));

        Assert.Equal(HttpStatusCode.OK, first.HttpStatusCode);
        Assert.Equal("PreconditionFailed", second.ErrorCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("first", await ReadAsync(s3, bucket, "lock"));
    }

    [Fact]
    public async Task Of_many_concurrent_writers_of_a_free_key_exactly_one_wins()
    {
        var (s3, bucket) = await NewBucketAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await PutAsync(s3, bucket, "lock", $"writer {i}", ifNoneMatch: "*");
                return $"writer {i}";
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "PreconditionFailed")
            {
                return null;
            }
        }));

        var winner = Assert.Single(attempts, a => a is not null);
        Assert.Equal(winner, await ReadAsync(s3, bucket, "lock"));
    }

    [Fact]
    public async Task If_match_replaces_only_the_version_it_names()
    {
        var (s3, bucket) = await NewBucketAsync();
        var original = await PutAsync(s3, bucket, "state.json", "v1");

        var updated = await PutAsync(s3, bucket, "state.json", "v2", ifMatch: original.ETag);
        var stale = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutAsync(s3, bucket, "state.json", "v3", ifMatch: original.ETag));
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutAsync(s3, bucket, "absent.json", "v1", ifMatch: original.ETag));

        Assert.NotEqual(original.ETag, updated.ETag);
        Assert.Equal("PreconditionFailed", stale.ErrorCode);
        Assert.Equal("NoSuchKey", missing.ErrorCode);
        Assert.Equal("v2", await ReadAsync(s3, bucket, "state.json"));
        var listed = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Equal(["state.json"], listed.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task A_completion_whose_condition_fails_keeps_the_upload_and_the_object()
    {
        var (s3, bucket) = await NewBucketAsync();
        await PutAsync(s3, bucket, "big.bin", "already here");
        var uploadId = (await s3.Client.InitiateMultipartUploadAsync(bucket, "big.bin")).UploadId;
        var part = await s3.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = "big.bin",
            UploadId = uploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(new byte[1000]),
        });

        var refused = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "big.bin",
            UploadId = uploadId,
            PartETags = [new PartETag(1, part.ETag)],
            IfNoneMatch = "*",
        }));

        Assert.Equal("PreconditionFailed", refused.ErrorCode);
        Assert.Equal("already here", await ReadAsync(s3, bucket, "big.bin"));
        Assert.Single((await s3.Client.ListPartsAsync(bucket, "big.bin", uploadId)).Parts);
    }

    [Fact]
    public async Task If_none_match_with_an_etag_is_refused_as_not_implemented()
    {
        var (s3, bucket) = await NewBucketAsync();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutAsync(s3, bucket, "k", "v", ifNoneMatch: "\"abc\""));

        Assert.Equal("NotImplemented", error.ErrorCode);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.GetObjectMetadataAsync(bucket, "k"));
    }

    private async Task<(S3User S3, string Bucket)> NewBucketAsync()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = "cond-" + Guid.NewGuid().ToString("N")[..20];
        await s3.Client.PutBucketAsync(bucket);
        return (s3, bucket);
    }

    private static Task<PutObjectResponse> PutAsync(S3User s3, string bucket, string key, string content, string? ifNoneMatch = null, string? ifMatch = null) =>
        s3.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ContentBody = content,
            IfNoneMatch = ifNoneMatch,
            IfMatch = ifMatch,
        });

    private static async Task<string> ReadAsync(S3User s3, string bucket, string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
