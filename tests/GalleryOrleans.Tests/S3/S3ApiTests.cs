using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>The real AWS SDK for .NET against the gateway's S3 port, backed by a real cluster.</summary>
public sealed class S3ApiTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task Buckets_are_created_listed_headed_and_deleted()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var name = NewBucketName();

        await s3.Client.PutBucketAsync(name);
        var listed = await s3.Client.ListBucketsAsync();
        var headed = await s3.Client.GetBucketLocationAsync(name);
        await s3.Client.DeleteBucketAsync(name);
        var after = await s3.Client.ListBucketsAsync();

        Assert.Contains(listed.Buckets, b => b.BucketName == name);
        Assert.NotNull(headed);
        Assert.DoesNotContain(after.Buckets ?? [], b => b.BucketName == name);
    }

    [Fact]
    public async Task Bucket_errors_use_s3_codes()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var other = await S3User.CreateAsync(cluster);
        var name = NewBucketName();
        await s3.Client.PutBucketAsync(name);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = name, Key = "x", ContentBody = "x" });

        Assert.Equal("BucketAlreadyExists", (await Fails(() => other.Client.PutBucketAsync(name))).ErrorCode);
        Assert.Equal("InvalidBucketName", (await Fails(() => s3.Client.PutBucketAsync("Bad_Name"))).ErrorCode);
        Assert.Equal("BucketNotEmpty", (await Fails(() => s3.Client.DeleteBucketAsync(name))).ErrorCode);
        Assert.Equal("NoSuchBucket", (await Fails(() => s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = NewBucketName() }))).ErrorCode);
        Assert.Equal("AccessDenied", (await Fails(() => other.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = name }))).ErrorCode);
        Assert.Equal("AccessDenied", (await Fails(() => other.Client.GetObjectAsync(name, "x"))).ErrorCode);
        Assert.Equal("AccessDenied", (await Fails(() => other.Client.PutObjectAsync(new PutObjectRequest { BucketName = name, Key = "y", ContentBody = "y" }))).ErrorCode);
        Assert.Equal("AccessDenied", (await Fails(() => other.Client.DeleteObjectAsync(name, "x"))).ErrorCode);
    }

    [Fact]
    public async Task Objects_round_trip_with_metadata_content_type_and_etag()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

        var put = new PutObjectRequest { BucketName = bucket, Key = "photos/2024/beach day.jpg", InputStream = new MemoryStream(data), ContentType = "image/jpeg" };
        put.Metadata.Add("camera", "X100");
        var putResponse = await s3.Client.PutObjectAsync(put);
        using var got = await s3.Client.GetObjectAsync(bucket, "photos/2024/beach day.jpg");
        using var copy = new MemoryStream();
        await got.ResponseStream.CopyToAsync(copy);
        var head = await s3.Client.GetObjectMetadataAsync(bucket, "photos/2024/beach day.jpg");

        Assert.Equal(data, copy.ToArray());
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"", putResponse.ETag);
        Assert.Equal(putResponse.ETag, got.ETag);
        Assert.Equal("image/jpeg", head.Headers.ContentType);
        Assert.Equal("X100", head.Metadata["camera"]);
        Assert.Equal(data.Length, head.ContentLength);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Unchunked_and_chunked_uploads_both_land(bool useChunkEncoding)
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var data = RandomNumberGenerator.GetBytes(200_000);

        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", InputStream = new MemoryStream(data), UseChunkEncoding = useChunkEncoding });

        Assert.Equal(data, await ReadAsync(s3, bucket, "k"));
    }

    [Fact]
    public async Task A_wrong_content_md5_is_refused_and_stores_nothing()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);

        var error = await Fails(() => s3.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = "bad",
            ContentBody = "hello",
            MD5Digest = Convert.ToBase64String(MD5.HashData("other"u8.ToArray())),
        }));
        var listing = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal("BadDigest", error.ErrorCode);
        Assert.Empty(listing.S3Objects ?? []);
    }

    [Fact]
    public async Task A_body_that_does_not_match_its_signed_sha256_is_refused_and_stores_nothing()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var curl = new CurlSigV4(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);

        var (status, body) = await curl.SendAsync("PUT", $"/{bucket}/tampered", "hello"u8.ToArray(),
            new Dictionary<string, string> { ["x-amz-content-sha256"] = Convert.ToHexStringLower(SHA256.HashData("other"u8)) });
        var listing = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(400, status);
        Assert.Contains("<Code>XAmzContentSHA256Mismatch</Code>", body);
        Assert.Empty(listing.S3Objects ?? []);
    }

    [Fact]
    public async Task A_part_with_a_wrong_content_md5_is_refused_and_not_listed()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var upload = await s3.Client.InitiateMultipartUploadAsync(bucket, "parts");

        var error = await Fails(() => s3.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = "parts",
            UploadId = upload.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream("hello"u8.ToArray()),
            MD5Digest = Convert.ToBase64String(MD5.HashData("other"u8)),
        }));
        var parts = await s3.Client.ListPartsAsync(bucket, "parts", upload.UploadId);

        Assert.Equal("BadDigest", error.ErrorCode);
        Assert.Empty(parts.Parts ?? []);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        using var wrong = S3User.ClientFor(cluster, s3.AccessKeyId, s3.SecretAccessKey[..^1] + (s3.SecretAccessKey[^1] == 'a' ? 'b' : 'a'));
        using var unknown = S3User.ClientFor(cluster, "GOUNKNOWNKEY000000000", s3.SecretAccessKey);

        Assert.Equal("SignatureDoesNotMatch", (await Fails(() => wrong.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }))).ErrorCode);
        Assert.Equal("InvalidAccessKeyId", (await Fails(() => unknown.ListBucketsAsync())).ErrorCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        var s3 = await S3User.CreateAsync(cluster);
        await new ApiClient(cluster).SendAsync(HttpMethod.Delete, $"/api/auth/keys/{s3.AccessKeyId}", token: s3.User.AccessToken);

        Assert.Equal("InvalidAccessKeyId", (await Fails(() => s3.Client.ListBucketsAsync())).ErrorCode);
    }

    [Fact]
    public async Task Missing_keys_and_ranges_past_the_end_get_s3_errors()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "ten", ContentBody = "0123456789" });

        Assert.Equal("NoSuchKey", (await Fails(() => s3.Client.GetObjectAsync(bucket, "missing"))).ErrorCode);
        var range = await Fails(() => s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "ten", ByteRange = new ByteRange(20, 30) }));
        Assert.Equal("InvalidRange", range.ErrorCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, range.StatusCode);
    }

    [Fact]
    public async Task Ranges_return_206_with_the_requested_bytes()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var data = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 100);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "big", InputStream = new MemoryStream(data) });

        using var response = await s3.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "big", ByteRange = new ByteRange(1024 * 1024 - 5, 1024 * 1024 + 9) });
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);

        Assert.Equal(HttpStatusCode.PartialContent, response.HttpStatusCode);
        Assert.Equal(data[(1024 * 1024 - 5)..(1024 * 1024 + 10)], copy.ToArray());
        Assert.Equal($"bytes {1024 * 1024 - 5}-{1024 * 1024 + 9}/{data.Length}", response.ContentRange);
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("dots/./and/../x")]
    [InlineData("unicode/фото 🐱.jpg")]
    [InlineData("plus+and=equals&amp")]
    [InlineData("double//slash/")]
    public async Task Odd_keys_round_trip_as_keys(string key)
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);

        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "content" });
        var listing = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        var content = await ReadAsync(s3, bucket, key);
        Assert.Equal("content"u8.ToArray(), content);
        Assert.Equal(key, Assert.Single(listing.S3Objects).Key);
    }

    // AWSSDK.S3 4.1.0 signs /bucket//leading/slash but drops one slash from the path it sends, so S3, which signs the path
    // as sent, cannot accept it either. The aws CLI sends what it signs (AwsCliGatewayTests); once the SDK does too,
    // this key belongs in Odd_keys_round_trip_as_keys.
    [Fact]
    public async Task A_leading_slash_key_is_refused_while_the_sdk_sends_another_path_than_it_signed()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);

        var error = await Fails(() => s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "/leading/slash", ContentBody = "content" }));
        var listing = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Empty(listing.S3Objects ?? []);
    }

    [Fact]
    public async Task Listing_v1_and_v2_page_with_prefix_delimiter_and_tokens()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        string[] keys = ["a/1", "a/2", "a/b/3", "b/1", "c", "d/e/f", "d/g"];
        foreach (var key in keys)
        {
            await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key });
        }

        var v2 = new List<string>();
        string? token = null;
        do
        {
            var page = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/", MaxKeys = 2, ContinuationToken = token });
            v2.AddRange((page.S3Objects ?? []).Select(o => o.Key).Concat(page.CommonPrefixes ?? []));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        var v1 = new List<string>();
        string? marker = null;
        do
        {
            var page = await s3.Client.ListObjectsAsync(new ListObjectsRequest { BucketName = bucket, Prefix = "a/", MaxKeys = 1, Marker = marker });
            v1.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            marker = page.IsTruncated == true ? page.NextMarker ?? page.S3Objects![^1].Key : null;
        }
        while (marker is not null);
        var startAfter = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, StartAfter = "b/1" });

        Assert.Equal(["a/", "b/", "c", "d/"], v2.Order(StringComparer.Ordinal));
        Assert.Equal(["a/1", "a/2", "a/b/3"], v1);
        Assert.Equal(["c", "d/e/f", "d/g"], startAfter.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Delete_objects_and_copy_object()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var target = await NewBucketAsync(s3);
        foreach (var key in new[] { "one", "two", "three" })
        {
            await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key });
        }

        var copied = await s3.Client.CopyObjectAsync(bucket, "one", target, "copy-of-one");
        var deleted = await s3.Client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Objects = [new KeyVersion { Key = "one" }, new KeyVersion { Key = "two" }, new KeyVersion { Key = "never-there" }],
        });
        var remaining = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData("one"u8.ToArray()))}\"", copied.ETag);
        var copiedBytes = await ReadAsync(s3, target, "copy-of-one");
        Assert.Equal("one"u8.ToArray(), copiedBytes);
        Assert.Equal(3, deleted.DeletedObjects.Count);
        Assert.Equal(["three"], remaining.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Multipart_upload_completes_with_the_s3_etag_and_can_be_listed_and_aborted()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var part1 = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        var part2 = RandomNumberGenerator.GetBytes(1234);

        var created = await s3.Client.InitiateMultipartUploadAsync(bucket, "big.bin");
        var etag1 = (await s3.Client.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "big.bin", UploadId = created.UploadId, PartNumber = 1, InputStream = new MemoryStream(part1) })).ETag;
        var etag2 = (await s3.Client.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "big.bin", UploadId = created.UploadId, PartNumber = 2, InputStream = new MemoryStream(part2) })).ETag;
        var parts = await s3.Client.ListPartsAsync(bucket, "big.bin", created.UploadId);
        var wrongEtag = await Fails(() => s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "big.bin",
            UploadId = created.UploadId,
            PartETags = [new PartETag(1, etag2), new PartETag(2, etag2)],
        }));
        var completed = await s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "big.bin",
            UploadId = created.UploadId,
            PartETags = [new PartETag(1, etag1), new PartETag(2, etag2)],
        });
        var expectedEtag = Convert.ToHexStringLower(MD5.HashData([.. MD5.HashData(part1), .. MD5.HashData(part2)])) + "-2";

        Assert.Equal([1, 2], parts.Parts.Select(p => p.PartNumber ?? 0));
        Assert.Equal("InvalidPart", wrongEtag.ErrorCode);
        Assert.Equal($"\"{expectedEtag}\"", completed.ETag);
        var joined = await ReadAsync(s3, bucket, "big.bin");
        Assert.Equal(part1.Concat(part2).ToArray(), joined);

        var aborted = await s3.Client.InitiateMultipartUploadAsync(bucket, "abandoned");
        await s3.Client.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "abandoned", UploadId = aborted.UploadId, PartNumber = 1, InputStream = new MemoryStream(part2) });
        await s3.Client.AbortMultipartUploadAsync(bucket, "abandoned", aborted.UploadId);
        Assert.Equal("NoSuchUpload", (await Fails(() => s3.Client.ListPartsAsync(bucket, "abandoned", aborted.UploadId))).ErrorCode);
        Assert.Equal("NoSuchKey", (await Fails(() => s3.Client.GetObjectAsync(bucket, "abandoned"))).ErrorCode);
    }

    [Fact]
    public async Task Presigned_urls_work_and_tampered_ones_do_not()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "shared.txt", ContentBody = "presigned!" });
        var url = await s3.PresignAsync(bucket, "shared.txt", HttpVerb.GET);
        using var http = new HttpClient();

        var good = await http.GetAsync(url);
        var tampered = await http.GetAsync(url.Replace("shared.txt", "shared.txx"));

        Assert.Equal("presigned!", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await tampered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Parts_copied_from_ranges_of_an_object_join_into_the_same_bytes()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var original = RandomNumberGenerator.GetBytes(6 * 1024 * 1024 + 321);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "original", InputStream = new MemoryStream(original) });
        var upload = await s3.Client.InitiateMultipartUploadAsync(bucket, "copied");
        const long firstPartSize = 5 * 1024 * 1024;

        var first = await CopyPartAsync(1, 0, firstPartSize - 1);
        var second = await CopyPartAsync(2, firstPartSize, original.Length - 1);
        await s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "copied",
            UploadId = upload.UploadId,
            PartETags = [new PartETag(1, first.ETag), new PartETag(2, second.ETag)],
        });

        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(original.AsSpan(0, (int)firstPartSize)))}\"", first.ETag);
        Assert.Equal(original, await ReadAsync(s3, bucket, "copied"));

        Task<CopyPartResponse> CopyPartAsync(int partNumber, long firstByte, long lastByte) => s3.Client.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = bucket,
            SourceKey = "original",
            DestinationBucket = bucket,
            DestinationKey = "copied",
            UploadId = upload.UploadId,
            PartNumber = partNumber,
            FirstByte = firstByte,
            LastByte = lastByte,
        });
    }

    [Theory]
    [InlineData("bytes=0-100000000", "InvalidRange")]
    [InlineData("bytes=10-5", "InvalidArgument")]
    [InlineData("bytes=-5", "InvalidArgument")]
    [InlineData("0-5", "InvalidArgument")]
    public async Task A_part_copy_with_a_bad_source_range_is_refused_and_adds_no_part(string range, string code)
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "original", ContentBody = "small source" });
        var upload = await s3.Client.InitiateMultipartUploadAsync(bucket, "copied");
        var curl = new CurlSigV4(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);

        var (status, body) = await curl.SendAsync("PUT", $"/{bucket}/copied?partNumber=1&uploadId={upload.UploadId}", [],
            new Dictionary<string, string>
            {
                ["x-amz-copy-source"] = $"/{bucket}/original",
                ["x-amz-copy-source-range"] = range,
                ["x-amz-content-sha256"] = Convert.ToHexStringLower(SHA256.HashData([])),
            });
        var parts = await s3.Client.ListPartsAsync(bucket, "copied", upload.UploadId);

        Assert.Equal(code == "InvalidRange" ? 416 : 400, status);
        Assert.Contains($"<Code>{code}</Code>", body);
        Assert.Empty(parts.Parts ?? []);
    }

    [Fact]
    public async Task A_part_cannot_be_copied_from_another_users_object()
    {
        var owner = await S3User.CreateAsync(cluster);
        var stranger = await S3User.CreateAsync(cluster);
        var theirs = await NewBucketAsync(owner);
        await owner.Client.PutObjectAsync(new PutObjectRequest { BucketName = theirs, Key = "secret", ContentBody = "not yours" });
        var mine = await NewBucketAsync(stranger);
        var upload = await stranger.Client.InitiateMultipartUploadAsync(mine, "copied");

        var error = await Fails(() => stranger.Client.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = theirs,
            SourceKey = "secret",
            DestinationBucket = mine,
            DestinationKey = "copied",
            UploadId = upload.UploadId,
            PartNumber = 1,
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task Uploads_in_progress_are_listed_by_prefix_and_in_pages_until_completed_or_aborted()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        var ids = new Dictionary<string, string>();
        foreach (var key in new[] { "photos/a.jpg", "photos/b.jpg", "videos/c.mp4" })
        {
            ids[key] = (await s3.Client.InitiateMultipartUploadAsync(bucket, key)).UploadId;
        }
        var secondOfA = (await s3.Client.InitiateMultipartUploadAsync(bucket, "photos/a.jpg")).UploadId;

        var all = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        var photos = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = "photos/" });
        var firstPage = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, MaxUploads = 2 });
        var secondPage = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
        {
            BucketName = bucket,
            MaxUploads = 2,
            KeyMarker = firstPage.NextKeyMarker,
            UploadIdMarker = firstPage.NextUploadIdMarker,
        });
        await s3.Client.AbortMultipartUploadAsync(bucket, "videos/c.mp4", ids["videos/c.mp4"]);
        await s3.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = "photos/b.jpg",
            UploadId = ids["photos/b.jpg"],
            PartNumber = 1,
            InputStream = new MemoryStream([1, 2, 3]),
        });
        var parts = await s3.Client.ListPartsAsync(bucket, "photos/b.jpg", ids["photos/b.jpg"]);
        await s3.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "photos/b.jpg",
            UploadId = ids["photos/b.jpg"],
            PartETags = [new PartETag(1, parts.Parts[0].ETag)],
        });
        var left = await s3.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });

        string[] both = [.. new[] { ids["photos/a.jpg"], secondOfA }.Order(StringComparer.Ordinal)];
        Assert.Equal(["photos/a.jpg", "photos/a.jpg", "photos/b.jpg", "videos/c.mp4"], all.MultipartUploads.Select(u => u.Key));
        Assert.Equal([.. both, ids["photos/b.jpg"], ids["videos/c.mp4"]], all.MultipartUploads.Select(u => u.UploadId));
        Assert.False(all.IsTruncated);
        Assert.Equal(3, photos.MultipartUploads.Count);
        Assert.True(firstPage.IsTruncated);
        Assert.Equal(both, firstPage.MultipartUploads.Select(u => u.UploadId));
        Assert.Equal(["photos/b.jpg", "videos/c.mp4"], secondPage.MultipartUploads.Select(u => u.Key));
        Assert.Equal(both, left.MultipartUploads.Select(u => u.UploadId));
    }

    [Fact]
    public async Task Another_users_uploads_in_progress_are_not_listed()
    {
        var owner = await S3User.CreateAsync(cluster);
        var stranger = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(owner);
        await owner.Client.InitiateMultipartUploadAsync(bucket, "private.bin");

        var error = await Fails(() => stranger.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    private static async Task<byte[]> ReadAsync(S3User s3, string bucket, string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<string> NewBucketAsync(S3User s3)
    {
        var name = NewBucketName();
        await s3.Client.PutBucketAsync(name);
        return name;
    }

    private static string NewBucketName() => "s3-" + Guid.NewGuid().ToString("N")[..20];

    private static async Task<AmazonS3Exception> Fails(Func<Task> action) => await Assert.ThrowsAnyAsync<AmazonS3Exception>(action);
}
