using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>
/// S3 operations the gateway does not serve are refused as NotImplemented and change nothing; before, some of them
/// fell through to the plain operation on the same path (a tagging PUT overwrote the object, a lifecycle DELETE
/// deleted the bucket).
/// </summary>
public sealed class UnsupportedSubresourceTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private static readonly byte[] Original = "the original bytes"u8.ToArray();

    public static TheoryData<string> ObjectOperations => ["PutObjectTagging", "DeleteObjectTagging", "GetObjectTagging", "PutObjectAcl"];

    [Theory]
    [MemberData(nameof(ObjectOperations))]
    public async Task An_unsupported_object_operation_is_refused_and_leaves_the_object_as_it_was(string operation)
    {
        var (s3, bucket) = await NewBucketWithObjectAsync();
        Func<Task> call = operation switch
        {
            "PutObjectTagging" => () => s3.Client.PutObjectTaggingAsync(new PutObjectTaggingRequest
            {
                BucketName = bucket,
                Key = "photo.jpg",
                Tagging = new Tagging { TagSet = [new Tag { Key = "album", Value = "summer" }] },
            }),
            "DeleteObjectTagging" => () => s3.Client.DeleteObjectTaggingAsync(new DeleteObjectTaggingRequest { BucketName = bucket, Key = "photo.jpg" }),
            "GetObjectTagging" => () => s3.Client.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = bucket, Key = "photo.jpg" }),
            _ => () => s3.Client.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = "photo.jpg", ACL = S3CannedACL.PublicRead }),
        };

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(call);

        Assert.Equal("NotImplemented", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
        Assert.Equal(Original, await ReadAsync(s3, bucket, "photo.jpg"));
    }

    [Fact]
    public async Task Deleting_a_lifecycle_or_tags_of_an_empty_bucket_does_not_delete_the_bucket()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = NewBucketName();
        await s3.Client.PutBucketAsync(bucket);

        var lifecycle = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.DeleteLifecycleConfigurationAsync(bucket));
        var tagging = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.Client.DeleteBucketTaggingAsync(new DeleteBucketTaggingRequest { BucketName = bucket }));

        Assert.Equal("NotImplemented", lifecycle.ErrorCode);
        Assert.Equal("NotImplemented", tagging.ErrorCode);
        Assert.Contains(bucket, (await s3.Client.ListBucketsAsync()).Buckets.Select(b => b.BucketName));
    }

    [Fact]
    public async Task Part_one_of_an_object_is_the_whole_object_and_there_is_no_part_two()
    {
        var (s3, bucket) = await NewBucketWithObjectAsync();

        using var first = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "photo.jpg", PartNumber = 1 });
        using var body = new MemoryStream();
        await first.ResponseStream.CopyToAsync(body);
        var second = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "photo.jpg", PartNumber = 2 }));

        Assert.Equal(Original, body.ToArray());
        Assert.Equal("InvalidPart", second.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    private async Task<(S3User S3, string Bucket)> NewBucketWithObjectAsync()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = NewBucketName();
        await s3.Client.PutBucketAsync(bucket);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "photo.jpg", InputStream = new MemoryStream(Original) });
        return (s3, bucket);
    }

    private static async Task<byte[]> ReadAsync(S3User s3, string bucket, string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string NewBucketName() => "sub-" + Guid.NewGuid().ToString("N")[..20];
}
