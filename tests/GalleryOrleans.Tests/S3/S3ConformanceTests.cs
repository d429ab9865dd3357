using System.Net;
using System.Net.Http.Headers;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;
using SdkChecksumAlgorithm = Amazon.S3.ChecksumAlgorithm;
using static GalleryOrleans.Tests.Infrastructure.StreamBytes;

namespace GalleryOrleans.Tests.S3;

/// <summary>
/// Behaviours the ceph/s3-tests conformance suite checks (deploy/s3-conformance), each through a stock client against
/// the real gateway: ListObjectVersions of an unversioned bucket, the headers an object keeps, conditional reads,
/// parts of a multipart object, a repeated CompleteMultipartUpload, a chunked PUT without a length.
/// </summary>
public sealed class S3ConformanceTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task Object_versions_of_an_unversioned_bucket_are_its_objects_as_version_null_in_pages()
    {
        var (s3, bucket) = await NewBucketAsync();
        foreach (var key in new[] { "a", "b", "c", "dir/x", "dir/y" })
        {
            await PutAsync(s3, bucket, key, key);
        }

        var first = await s3.Client.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, MaxKeys = 2 });
        var second = await s3.Client.ListVersionsAsync(new ListVersionsRequest
        {
            BucketName = bucket,
            MaxKeys = 2,
            KeyMarker = first.NextKeyMarker,
            VersionIdMarker = first.NextVersionIdMarker,
        });
        var rolledUp = await s3.Client.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, Delimiter = "/" });
        var underPrefix = await s3.Client.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, Prefix = "dir/" });

        Assert.Equal(["a", "b"], first.Versions.Select(v => v.Key));
        Assert.True(first.IsTruncated);
        Assert.Equal("b", first.NextKeyMarker);
        Assert.Equal("null", first.NextVersionIdMarker);
        Assert.All(first.Versions, v => Assert.Equal("null", v.VersionId));
        Assert.All(first.Versions, v => Assert.True(v.IsLatest));
        Assert.Equal(["c", "dir/x"], second.Versions.Select(v => v.Key));
        Assert.Equal(["a", "b", "c"], rolledUp.Versions.Select(v => v.Key));
        Assert.Equal(["dir/"], rolledUp.CommonPrefixes);
        Assert.Equal(["dir/x", "dir/y"], underPrefix.Versions.Select(v => v.Key));
        Assert.False(underPrefix.IsTruncated);
    }

    [Fact]
    public async Task Deleting_every_listed_version_null_empties_the_bucket()
    {
        var (s3, bucket) = await NewBucketAsync();
        await PutAsync(s3, bucket, "one", "1");
        await PutAsync(s3, bucket, "two", "2");

        var versions = await s3.Client.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket });
        await s3.Client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Objects = versions.Versions.Select(v => new KeyVersion { Key = v.Key, VersionId = v.VersionId }).ToList(),
        });
        await s3.Client.DeleteBucketAsync(bucket);

        Assert.DoesNotContain(bucket, (await s3.Client.ListBucketsAsync()).Buckets?.Select(b => b.BucketName) ?? []);
    }

    [Fact]
    public async Task Content_headers_are_kept_and_returned_and_response_parameters_override_them()
    {
        var (s3, bucket) = await NewBucketAsync();
        var put = new PutObjectRequest { BucketName = bucket, Key = "page.html", ContentBody = "<p>hi</p>" };
        put.Headers.CacheControl = "max-age=60";
        put.Headers.ContentDisposition = "attachment; filename=page.html";
        put.Headers.ContentEncoding = "identity";
        put.Headers["Content-Language"] = "de";
        put.Headers.Expires = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await s3.Client.PutObjectAsync(put);

        var head = await s3.Client.GetObjectMetadataAsync(bucket, "page.html");
        using var overridden = await s3.Client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket,
            Key = "page.html",
            ResponseHeaderOverrides = new ResponseHeaderOverrides { CacheControl = "no-cache", ContentLanguage = "fr" },
        });

        Assert.Equal("max-age=60", head.Headers.CacheControl);
        Assert.Equal("attachment; filename=page.html", head.Headers.ContentDisposition);
        Assert.Equal("identity", head.Headers.ContentEncoding);
        Assert.Equal("de", head.Headers["Content-Language"]);
        Assert.Equal("Wed, 02 Jan 2030 03:04:05 GMT", head.ExpiresString);
        Assert.Equal("no-cache", overridden.Headers.CacheControl);
        Assert.Equal("fr", overridden.Headers["Content-Language"]);
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("CRC32")]
    [InlineData("CRC32C")]
    [InlineData("CRC64NVME")]
    public async Task An_additional_checksum_is_stored_and_returned_in_checksum_mode(string algorithm)
    {
        var (s3, bucket) = await NewBucketAsync();
        var put = await s3.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = "data",
            ContentBody = "checksummed bytes",
            ChecksumAlgorithm = SdkChecksumAlgorithm.FindValue(algorithm),
        });

        var head = await s3.Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = "data", ChecksumMode = ChecksumMode.ENABLED });
        var plain = await s3.Client.GetObjectMetadataAsync(bucket, "data");

        Func<string?, string?, string?, string?, string?> pick = (sha256, crc32, crc32c, crc64) => algorithm switch
        {
            "SHA256" => sha256,
            "CRC32" => crc32,
            "CRC32C" => crc32c,
            _ => crc64,
        };
        var sent = pick(put.ChecksumSHA256, put.ChecksumCRC32, put.ChecksumCRC32C, put.ChecksumCRC64NVME);
        Assert.False(string.IsNullOrEmpty(sent));
        Assert.Equal(sent, pick(head.ChecksumSHA256, head.ChecksumCRC32, head.ChecksumCRC32C, head.ChecksumCRC64NVME));
        Assert.Null(pick(plain.ChecksumSHA256, plain.ChecksumCRC32, plain.ChecksumCRC32C, plain.ChecksumCRC64NVME));
    }

    [Fact]
    public async Task If_modified_since_and_if_unmodified_since_decide_a_read()
    {
        var (s3, bucket) = await NewBucketAsync();
        await PutAsync(s3, bucket, "k", "v");
        var before = DateTime.UtcNow.AddDays(-1);
        var after = DateTime.UtcNow.AddDays(1);

        var notModified = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k", ModifiedSinceDate = after }));
        var failed = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k", UnmodifiedSinceDate = before }));
        using var modified = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k", ModifiedSinceDate = before });
        using var unmodified = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "k", UnmodifiedSinceDate = after });

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.HttpStatusCode);
        Assert.Equal(HttpStatusCode.OK, unmodified.HttpStatusCode);
    }

    [Fact]
    public async Task A_part_of_a_multipart_object_is_served_by_number_with_the_part_count()
    {
        var (s3, bucket) = await NewBucketAsync();
        var parts = new[] { Filled(5 * 1024 * 1024, 1), Filled(5 * 1024 * 1024, 2), Filled(1000, 3) };
        var (uploadId, etags) = await UploadPartsAsync(s3, bucket, "big", parts);
        await CompleteAsync(s3, bucket, "big", uploadId, etags);

        var head = await s3.Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = "big", PartNumber = 2 });
        using var third = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "big", PartNumber = 3 });
        var beyond = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "big", PartNumber = 4 }));
        var withRange = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "big", PartNumber = 1, ByteRange = new ByteRange(0, 9) }));

        Assert.Equal(3, head.PartsCount);
        Assert.Equal(5 * 1024 * 1024, head.ContentLength);
        Assert.Equal(3, third.PartsCount);
        Assert.Equal(parts[2], await ReadAllAsync(third.ResponseStream));
        Assert.Equal("InvalidPart", beyond.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal("InvalidRequest", withRange.ErrorCode);
    }

    [Fact]
    public async Task Completing_a_completed_upload_again_succeeds_with_the_same_etag()
    {
        var (s3, bucket) = await NewBucketAsync();
        var (uploadId, etags) = await UploadPartsAsync(s3, bucket, "obj", [Filled(5 * 1024 * 1024, 7), Filled(10, 8)]);

        var first = await CompleteAsync(s3, bucket, "obj", uploadId, etags);
        var again = await CompleteAsync(s3, bucket, "obj", uploadId, etags);
        var wrongParts = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => CompleteAsync(s3, bucket, "obj", uploadId, [etags[0]]));

        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal("NoSuchUpload", wrongParts.ErrorCode);
    }

    [Fact]
    public async Task A_part_sent_twice_is_the_last_one_sent()
    {
        var (s3, bucket) = await NewBucketAsync();
        var upload = await s3.Client.InitiateMultipartUploadAsync(bucket, "obj");
        await UploadPartAsync(s3, bucket, "obj", upload.UploadId, 1, Filled(100, 1));
        var resent = await UploadPartAsync(s3, bucket, "obj", upload.UploadId, 1, Filled(100, 2));

        await CompleteAsync(s3, bucket, "obj", upload.UploadId, [resent]);

        using var read = await s3.Client.GetObjectAsync(bucket, "obj");
        Assert.Equal(Filled(100, 2), await ReadAllAsync(read.ResponseStream));
    }

    [Fact]
    public async Task A_chunked_put_without_a_length_stores_what_arrives()
    {
        var (s3, bucket) = await NewBucketAsync();
        var url = await s3.PresignAsync(bucket, "streamed", HttpVerb.PUT);
        using var http = new HttpClient();
        using var content = new StreamContent(new NonSeekableStream(Filled(300_000, 5)));
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var read = await s3.Client.GetObjectAsync(bucket, "streamed");
        Assert.Equal(Filled(300_000, 5), await ReadAllAsync(read.ResponseStream));
    }

    [Fact]
    public async Task A_v2_listing_names_owners_only_when_asked_and_takes_an_empty_continuation_token()
    {
        var (s3, bucket) = await NewBucketAsync();
        await PutAsync(s3, bucket, "a", "1");

        var withOwner = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, FetchOwner = true });
        var withoutOwner = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        var emptyToken = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = "" });

        Assert.Equal(Guid.Parse(s3.User.Id).ToString("N"), Assert.Single(withOwner.S3Objects).Owner.Id);
        Assert.Null(Assert.Single(withoutOwner.S3Objects).Owner);
        Assert.Equal(["a"], emptyToken.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Creating_a_bucket_you_own_again_answers_ok_and_keeps_its_objects()
    {
        var (s3, bucket) = await NewBucketAsync();
        await PutAsync(s3, bucket, "kept", "1");

        var again = await s3.Client.PutBucketAsync(bucket);

        Assert.Equal(HttpStatusCode.OK, again.HttpStatusCode);
        Assert.Equal(["kept"], (await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Buckets_are_listed_in_pages()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var names = new[] { "pages-a-" + Guid.NewGuid().ToString("N")[..12], "pages-b-" + Guid.NewGuid().ToString("N")[..12] };
        foreach (var name in names)
        {
            await s3.Client.PutBucketAsync(name);
        }

        var first = await s3.Client.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 1 });
        var second = await s3.Client.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 1, ContinuationToken = first.ContinuationToken });

        Assert.Equal([names[0]], first.Buckets.Select(b => b.BucketName));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal([names[1]], second.Buckets.Select(b => b.BucketName));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task A_copy_happens_only_when_the_copy_source_conditions_hold()
    {
        var (s3, bucket) = await NewBucketAsync();
        await PutAsync(s3, bucket, "source", "bytes");
        var etag = (await s3.Client.GetObjectMetadataAsync(bucket, "source")).ETag;
        CopyObjectRequest Copy(string target, string? ifMatch = null, string? ifNoneMatch = null) => new()
        {
            SourceBucket = bucket,
            SourceKey = "source",
            DestinationBucket = bucket,
            DestinationKey = target,
            ETagToMatch = ifMatch,
            ETagToNotMatch = ifNoneMatch,
        };

        var wrongTag = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.CopyObjectAsync(Copy("a", ifMatch: "\"0000\"")));
        var sameTag = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.Client.CopyObjectAsync(Copy("b", ifNoneMatch: etag)));
        await s3.Client.CopyObjectAsync(Copy("c", ifMatch: etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, wrongTag.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, sameTag.StatusCode);
        var keys = (await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Select(o => o.Key);
        Assert.Equal(["c", "source"], keys);
    }

    [Fact]
    public async Task An_error_to_a_request_that_expects_100_continue_closes_the_connection()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(cluster.S3Endpoint, "/no-such-bucket/key"))
        {
            Content = new ByteArrayContent(Filled(1000, 1)),
        };
        request.Headers.ExpectContinue = true;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose);
    }

    private async Task<(S3User S3, string Bucket)> NewBucketAsync()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = "conf-" + Guid.NewGuid().ToString("N")[..20];
        await s3.Client.PutBucketAsync(bucket);
        return (s3, bucket);
    }

    private static Task PutAsync(S3User s3, string bucket, string key, string body) =>
        s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });

    private static async Task<(string UploadId, List<PartETag> ETags)> UploadPartsAsync(S3User s3, string bucket, string key, byte[][] parts)
    {
        var upload = await s3.Client.InitiateMultipartUploadAsync(bucket, key);
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            etags.Add(await UploadPartAsync(s3, bucket, key, upload.UploadId, i + 1, parts[i]));
        }
        return (upload.UploadId, etags);
    }

    private static async Task<PartETag> UploadPartAsync(S3User s3, string bucket, string key, string uploadId, int number, byte[] bytes)
    {
        var part = await s3.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = number,
            InputStream = new MemoryStream(bytes),
        });
        return new PartETag(number, part.ETag);
    }

    private static Task<CompleteMultipartUploadResponse> CompleteAsync(S3User s3, string bucket, string key, string uploadId, List<PartETag> etags) =>
        s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = etags });

    private static byte[] Filled(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed)).ToArray();

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
