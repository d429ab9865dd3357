using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;
using Npgsql;

namespace GalleryOrleans.Tests.S3;

public sealed class MultipartExpiryTests(QuicklyExpiringUploadsCluster cluster) : IClassFixture<QuicklyExpiringUploadsCluster>
{
    private string StorageRoot => Path.Combine(cluster.DataDirectory, "objects");

    [Fact]
    public async Task An_abandoned_upload_is_aborted_with_its_parts_and_a_recent_one_is_kept()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = "expiry-" + Guid.NewGuid().ToString("N")[..20];
        await s3.Client.PutBucketAsync(bucket);
        var abandoned = await StartUploadWithOnePartAsync(s3, bucket, "abandoned.bin");
        var filesWithAbandonedPart = FilesUnder(StorageRoot).ToHashSet();
        cluster.SiloClock.Advance(QuicklyExpiringUploadsCluster.AbandonedUploadAge + TimeSpan.FromMinutes(1));
        var recent = await StartUploadWithOnePartAsync(s3, bucket, "recent.bin");

        var aborted = await cluster.Client.GetGrain<IMultipartExpiryGrain>(0).Sweep();

        var listed = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        var late = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => UploadPartAsync(s3, bucket, "abandoned.bin", abandoned));
        Assert.Equal(1, aborted);
        Assert.Equal([recent], listed.MultipartUploads.Select(u => u.UploadId));
        Assert.Equal("NoSuchUpload", late.ErrorCode);
        Assert.Empty(filesWithAbandonedPart.Intersect(FilesUnder(StorageRoot)));
        var parts = await s3.Client.ListPartsAsync(bucket, "recent.bin", recent);
        Assert.Single(parts.Parts);
    }

    [Fact]
    public async Task Every_silo_start_makes_sure_the_sweep_is_scheduled()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT period_ms FROM orleans_reminder WHERE reminder_name = 'expire-abandoned-uploads'", connection);

        var period = await command.ExecuteScalarAsync();

        Assert.Equal((long)TimeSpan.FromHours(1).TotalMilliseconds, period);
    }

    private static async Task<string> StartUploadWithOnePartAsync(S3User s3, string bucket, string key)
    {
        var uploadId = (await s3.Client.InitiateMultipartUploadAsync(bucket, key)).UploadId;
        await UploadPartAsync(s3, bucket, key, uploadId);
        return uploadId;
    }

    private static Task<UploadPartResponse> UploadPartAsync(S3User s3, string bucket, string key, string uploadId) =>
        s3.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(new byte[4096]),
        });

    private static IEnumerable<string> FilesUnder(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];
}
