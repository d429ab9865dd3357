using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Storage;

public sealed class FullDiskTests(FullDiskCluster cluster) : IClassFixture<FullDiskCluster>
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task An_object_larger_than_the_free_space_is_refused_and_leaves_no_trace()
    {
        var (s3, bucket) = await NewBucketAsync();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => PutAsync(s3, bucket, "too-big.bin", (FullDiskCluster.DiskMiB + 4) * MiB));

        Assert.Equal((HttpStatusCode)507, error.StatusCode);
        Assert.Equal("StorageFull", error.ErrorCode);
        Assert.Empty(FilesOnDisk());
        var listed = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Empty(listed.S3Objects ?? []);
        await PutAsync(s3, bucket, "fits.bin", MiB);
        Assert.Equal(MiB, (await s3.Client.GetObjectMetadataAsync(bucket, "fits.bin")).ContentLength);
        await s3.Client.DeleteObjectAsync(bucket, "fits.bin");
    }

    [Fact]
    public async Task The_full_disk_answer_is_s3_xml_with_its_request_id_like_every_s3_error()
    {
        var (s3, bucket) = await NewBucketAsync();
        var url = await s3.PresignAsync(bucket, "too-big.bin", HttpVerb.PUT);
        using var http = new HttpClient();

        using var response = await http.PutAsync(url, new ByteArrayContent(new byte[(FullDiskCluster.DiskMiB + 4) * MiB]));

        var requestId = Assert.Single(response.Headers.GetValues("x-amz-request-id"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)507, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Code>StorageFull</Code>", body);
        Assert.Contains($"<RequestId>{requestId}</RequestId>", body);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_multipart_join_that_runs_out_of_space_keeps_the_upload_to_retry_or_abort()
    {
        var (s3, bucket) = await NewBucketAsync();
        var uploadId = (await s3.Client.InitiateMultipartUploadAsync(bucket, "joined.bin")).UploadId;
        var parts = new List<PartETag>();
        foreach (var (number, size) in new[] { (1, 5 * MiB), (2, 2 * MiB) })
        {
            var part = await s3.Client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = "joined.bin",
                UploadId = uploadId,
                PartNumber = number,
                InputStream = new MemoryStream(new byte[size]),
            });
            parts.Add(new PartETag(number, part.ETag));
        }
        var partFiles = FilesOnDisk();

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "joined.bin",
            UploadId = uploadId,
            PartETags = parts,
        }));

        Assert.Equal((HttpStatusCode)507, error.StatusCode);
        Assert.Equal("StorageFull", error.ErrorCode);
        Assert.Equal(partFiles, FilesOnDisk());
        Assert.Equal(2, (await s3.Client.ListPartsAsync(bucket, "joined.bin", uploadId)).Parts.Count);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.GetObjectMetadataAsync(bucket, "joined.bin"));
        await s3.Client.AbortMultipartUploadAsync(bucket, "joined.bin", uploadId);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_gallery_upload_that_runs_out_of_space_answers_507_and_adds_no_media()
    {
        var api = new ApiClient(cluster);
        var user = await api.NewUserAsync();
        // A PNG signature is all the type check reads; the bytes run out of space before anything decodes them.
        var png = new byte[(FullDiskCluster.DiskMiB + 4) * MiB];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);

        var response = await Uploads.SendAsync(api, user.AccessToken, ("huge.png", png));

        var problem = await ApiClient.ReadJsonAsync(response);
        Assert.Equal((HttpStatusCode)507, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Insufficient storage", problem.GetProperty("title").GetString());
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Empty(FilesOnDisk());
    }

    private async Task<(S3User S3, string Bucket)> NewBucketAsync()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = "full-" + Guid.NewGuid().ToString("N")[..20];
        await s3.Client.PutBucketAsync(bucket);
        return (s3, bucket);
    }

    private static Task<PutObjectResponse> PutAsync(S3User s3, string bucket, string key, int size) =>
        s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(new byte[size]) });

    private string[] FilesOnDisk() => [.. Directory.GetFiles(cluster.StorageRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
