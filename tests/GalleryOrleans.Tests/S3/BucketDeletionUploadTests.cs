using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>Multipart uploads die with their bucket, as in S3: nothing of them reaches a later bucket of the same name.</summary>
public sealed class BucketDeletionUploadTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task Deleting_a_bucket_aborts_its_uploads_and_a_recreated_bucket_gets_none_of_their_parts()
    {
        var owner = await S3User.CreateAsync(cluster);
        var stranger = await S3User.CreateAsync(cluster);
        var bucket = "uploads-" + Guid.NewGuid().ToString("N")[..12];
        await owner.Client.PutBucketAsync(bucket);
        var upload = (await owner.Client.InitiateMultipartUploadAsync(bucket, "video.bin")).UploadId;
        await UploadPartAsync(owner, bucket, "video.bin", upload, 1);

        await owner.Client.DeleteBucketAsync(bucket);
        var partAfterDelete = await Fails(() => UploadPartAsync(owner, bucket, "video.bin", upload, 2));
        await stranger.Client.PutBucketAsync(bucket);
        var partIntoNewBucket = await Fails(() => UploadPartAsync(owner, bucket, "video.bin", upload, 3));
        var listParts = await Fails(() => owner.Client.ListPartsAsync(bucket, "video.bin", upload));
        var complete = await Fails(() => owner.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "video.bin",
            UploadId = upload,
            PartETags = [new PartETag(1, "\"00000000000000000000000000000000\"")],
        }));
        var listedByNewOwner = await stranger.Client.ListMultipartUploadsAsync(bucket);

        Assert.Equal("NoSuchUpload", partAfterDelete.ErrorCode);
        Assert.Equal("NoSuchUpload", partIntoNewBucket.ErrorCode);
        Assert.Equal("NoSuchUpload", listParts.ErrorCode);
        Assert.Equal("NoSuchUpload", complete.ErrorCode);
        Assert.Empty(listedByNewOwner.MultipartUploads ?? []);
        Assert.Empty(FilesOf(bucket));
    }

    [Fact]
    public async Task A_bucket_deleted_and_recreated_by_its_owner_starts_without_the_old_uploads()
    {
        var owner = await S3User.CreateAsync(cluster);
        var bucket = "uploads-" + Guid.NewGuid().ToString("N")[..12];
        await owner.Client.PutBucketAsync(bucket);
        var upload = (await owner.Client.InitiateMultipartUploadAsync(bucket, "album.zip")).UploadId;
        await UploadPartAsync(owner, bucket, "album.zip", upload, 1);

        await owner.Client.DeleteBucketAsync(bucket);
        await owner.Client.PutBucketAsync(bucket);
        var listed = await owner.Client.ListMultipartUploadsAsync(bucket);
        var listParts = await Fails(() => owner.Client.ListPartsAsync(bucket, "album.zip", upload));
        var part = await Fails(() => UploadPartAsync(owner, bucket, "album.zip", upload, 2));

        Assert.Empty(listed.MultipartUploads ?? []);
        Assert.Equal("NoSuchUpload", listParts.ErrorCode);
        Assert.Equal("NoSuchUpload", part.ErrorCode);
        Assert.Empty(FilesOf(bucket));
    }

    private static Task<UploadPartResponse> UploadPartAsync(S3User user, string bucket, string key, string upload, int partNumber) =>
        user.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = upload,
            PartNumber = partNumber,
            InputStream = new MemoryStream(new byte[1024 * partNumber]),
        });

    private string[] FilesOf(string bucket)
    {
        var folder = Path.Combine(cluster.DataDirectory, "objects", "buckets", bucket);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    private static async Task<AmazonS3Exception> Fails(Func<Task> call) => await Assert.ThrowsAnyAsync<AmazonS3Exception>(call);
}
