using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Gateway.S3.Payload;
using Xunit.Abstractions;
using SdkChecksumAlgorithm = Amazon.S3.ChecksumAlgorithm;

namespace GalleryOrleans.Tests.S3;

/// <summary>The real AWS SDK for .NET against <see cref="FakeS3Server"/>: every request must verify and every body arrive intact.</summary>
public sealed class AwsSdkClientTests(FakeS3ServerFixture fixture, ITestOutputHelper output) : IClassFixture<FakeS3ServerFixture>
{
    private const string Bucket = "photos";
    private const int ThreeMiB = 3 * 1024 * 1024 + 17;

    private FakeS3Server Server => fixture.Http;

    private AmazonS3Client Client(string secretKey = FakeS3Server.SecretKey, bool checksumOnlyWhenRequired = false, bool https = false)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = (https ? fixture.Https : fixture.Http).BaseUri.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        };
        if (checksumOnlyWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
        }

        if (https)
        {
            config.HttpClientFactory = new LoopbackCertificate.TrustingSdkFactory();
        }

        return new AmazonS3Client(new BasicAWSCredentials(FakeS3Server.AccessKeyId, secretKey), config);
    }

    private IReadOnlyList<SeenRequest> Report(int before, FakeS3Server? server = null)
    {
        var requests = (server ?? Server).SeenSince(before);
        foreach (var request in requests)
        {
            var interesting = request.Headers
                .Where(header => header.Key.StartsWith("x-amz-", StringComparison.Ordinal) || header.Key is "content-encoding" or "content-length"
                    or "content-md5" or "transfer-encoding" or "expect")
                .Where(header => header.Key is not "x-amz-date")
                .OrderBy(header => header.Key, StringComparer.Ordinal)
                .Select(header => $"{header.Key}: {header.Value}");
            var signedHeaders = request.Headers.GetValueOrDefault("authorization", "").Split("SignedHeaders=").ElementAtOrDefault(1)?.Split(',')[0];
            output.WriteLine($"{request.Method} {request.RawTarget} -> {request.ErrorCode ?? "verified"} ({request.PayloadMode})"
                + $" signed: {signedHeaders}\n  {string.Join("\n  ", interesting)}");
        }

        return requests;
    }

    private async Task<byte[]> GetAsync(AmazonS3Client client, string key)
    {
        using var response = await client.GetObjectAsync(Bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Theory]
    [InlineData(false, 11, true, null, false)]
    [InlineData(false, 11, false, null, false)]
    [InlineData(false, ThreeMiB, true, null, false)]
    [InlineData(false, ThreeMiB, false, null, false)]
    [InlineData(false, ThreeMiB, true, null, true)]
    [InlineData(false, ThreeMiB, false, null, true)]
    [InlineData(false, ThreeMiB, true, "CRC32C", false)]
    [InlineData(false, ThreeMiB, true, "CRC64NVME", false)]
    [InlineData(false, ThreeMiB, true, "SHA256", false)]
    [InlineData(false, 100_000, false, "SHA1", false)]
    [InlineData(false, 0, true, null, false)]
    [InlineData(true, 11, true, null, false)]
    [InlineData(true, ThreeMiB, true, null, false)]
    [InlineData(true, ThreeMiB, false, null, false)]
    [InlineData(true, ThreeMiB, true, "SHA256", false)]
    [InlineData(true, ThreeMiB, true, null, true)]
    public async Task Put_object_bodies_arrive_verified_and_intact(bool https, int size, bool chunkEncoding, string? checksum, bool checksumOnlyWhenRequired)
    {
        var data = RandomNumberGenerator.GetBytes(size);
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = $"uploads/{https}-{size}-{chunkEncoding}-{checksum}-{checksumOnlyWhenRequired}.bin",
            InputStream = new MemoryStream(data),
            UseChunkEncoding = chunkEncoding,
        };
        if (checksum is not null)
        {
            request.ChecksumAlgorithm = SdkChecksumAlgorithm.FindValue(checksum);
        }

        var seen = await PutAndReadBackAsync(https, checksumOnlyWhenRequired, request, data);

        // SDK 4 sends a CRC32 unless told to checksum only when an operation requires it; every one it sent was checked.
        Assert.Equal(!checksumOnlyWhenRequired || checksum is not null, seen.ChecksumBase64 is not null);
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(ThreeMiB, true)]
    [InlineData(ThreeMiB, false)]
    public async Task Unsigned_payload_puts_over_https_arrive_verified_and_intact(int size, bool chunkEncoding)
    {
        var data = RandomNumberGenerator.GetBytes(size);
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = $"uploads/unsigned-{size}-{chunkEncoding}.bin",
            InputStream = new MemoryStream(data),
            UseChunkEncoding = chunkEncoding,
            DisablePayloadSigning = true,
        };

        var seen = await PutAndReadBackAsync(https: true, checksumOnlyWhenRequired: false, request, data);

        Assert.Contains(seen.PayloadMode, new PayloadMode?[] { PayloadMode.Unsigned, PayloadMode.StreamingUnsignedTrailer });
    }

    private async Task<SeenRequest> PutAndReadBackAsync(bool https, bool checksumOnlyWhenRequired, PutObjectRequest request, byte[] data)
    {
        var server = https ? fixture.Https : fixture.Http;
        using var client = Client(checksumOnlyWhenRequired: checksumOnlyWhenRequired, https: https);
        var before = server.Seen.Count;

        var response = await client.PutObjectAsync(request);

        var seen = Assert.Single(Report(before, server));
        Assert.Null(seen.ErrorCode);
        Assert.Equal(data, seen.Body);
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"", response.ETag);
        Assert.Equal(data, await GetAsync(client, request.Key));
        Assert.All(Report(before + 1, server), get => Assert.Null(get.ErrorCode));
        return seen;
    }

    [Fact]
    public async Task Keys_with_spaces_unicode_and_plus_round_trip()
    {
        const string key = "my photos/été 2024/ünï+cödé=1 & 2 ~(x)!.jpg";
        var data = RandomNumberGenerator.GetBytes(1000);
        using var client = Client();
        var before = Server.Seen.Count;

        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(data) });
        var read = await GetAsync(client, key);

        Assert.Equal(data, read);
        Assert.All(Report(before), request => Assert.Null(request.ErrorCode));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task List_objects_v2_with_an_odd_prefix(bool urlEncoding)
    {
        var prefix = $"odd prefix +=&%/ünï € {urlEncoding}/";
        using var client = Client();
        foreach (var key in new[] { "a.jpg", "b c+d.jpg", "sub/e.jpg" }.Select(name => prefix + name).Append($"odd prefix +=&%/other {urlEncoding}.jpg"))
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = key });
        }

        var before = Server.Seen.Count;
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, Delimiter = "/" };
        if (urlEncoding)
        {
            request.Encoding = EncodingType.Url;
        }

        var response = await client.ListObjectsV2Async(request);

        // The .NET SDK hands url-encoded keys over as they came; decoding them is the caller's job.
        string Decode(string value) => urlEncoding ? Uri.UnescapeDataString(value) : value;
        Assert.Null(Assert.Single(Report(before)).ErrorCode);
        Assert.Equal([prefix + "a.jpg", prefix + "b c+d.jpg"], response.S3Objects.Select(entry => Decode(entry.Key)));
        Assert.Equal([prefix + "sub/"], response.CommonPrefixes.Select(Decode));
        Assert.Equal(2 + 1, response.KeyCount);
    }

    [Fact]
    public async Task Presigned_get_and_put_urls_work_with_a_plain_http_client()
    {
        const string key = "shared/presigned ünï+.jpg";
        var data = RandomNumberGenerator.GetBytes(5000);
        using var client = Client();
        using var http = new HttpClient();
        var before = Server.Seen.Count;

        var putUrl = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
        });
        (await http.PutAsync(putUrl, new ByteArrayContent(data))).EnsureSuccessStatusCode();
        var getUrl = await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
        });
        var read = await http.GetByteArrayAsync(getUrl);

        Assert.Equal(data, read);
        var requests = Report(before);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, request => Assert.Null(request.ErrorCode));
        Assert.All(requests, request => Assert.Contains("X-Amz-Signature=", request.RawTarget));

        // The SDK rounds the expiry to 300 or 301 seconds; any other value must fail the signature.
        var tampered = System.Text.RegularExpressions.Regex.Replace(getUrl, @"X-Amz-Expires=(\d+)", m => $"X-Amz-Expires={int.Parse(m.Groups[1].Value) + 7}");
        Assert.NotEqual(getUrl, tampered);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_rejected()
    {
        using var client = Client(secretKey: FakeS3Server.SecretKey + "x");
        var before = Server.Seen.Count;

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "denied.txt", ContentBody = "nope" }));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.All(Report(before), request => Assert.Equal("SignatureDoesNotMatch", request.ErrorCode));
    }
}
