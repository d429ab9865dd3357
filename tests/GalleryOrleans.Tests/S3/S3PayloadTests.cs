using System.Security.Cryptography;
using System.Text;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.SigV4;
using Microsoft.AspNetCore.Http;
using static GalleryOrleans.Tests.Infrastructure.StreamBytes;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class S3PayloadTests
{
    private static readonly byte[] Body = Encoding.ASCII.GetBytes("Welcome to Amazon S3.");

    private static async Task<SigV4Success> VerifiedPutAsync(HttpRequest request)
    {
        var result = await new SigV4Verifier(new FixedClock(AwsDocExamples.Time))
            .VerifyAsync(request, AwsDocExamples.FindCredential, CancellationToken.None);
        return Assert.IsType<SigV4Success>(result);
    }

    private static async Task<S3Payload> UnsignedPayloadAsync(byte[] body, Dictionary<string, string> headers)
    {
        var verified = await VerifiedPutAsync(AwsDocExamples.PutObject());
        headers.TryAdd("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = TestRequests.Create("PUT", "/bucket/key", headers, body);
        return S3Payload.Open(request, verified with { PayloadMode = PayloadMode.Unsigned, ContentSha256 = "UNSIGNED-PAYLOAD" });
    }

    [Fact]
    public async Task Reads_the_documented_put_body_whose_sha256_matches()
    {
        var request = AwsDocExamples.PutObject();
        var payload = S3Payload.Open(request, await VerifiedPutAsync(request));

        Assert.Equal(Body, await ReadAllAsync(payload.Body));
    }

    [Fact]
    public async Task Rejects_a_body_that_does_not_match_x_amz_content_sha256()
    {
        var request = AwsDocExamples.PutObject(body: Encoding.ASCII.GetBytes("Welcome to Amazon S4."));
        var payload = S3Payload.Open(request, await VerifiedPutAsync(request));

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.XAmzContentSha256Mismatch, error.Error.Code);
        // The failure repeats instead of turning into a clean end-of-stream.
        await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
    }

    [Fact]
    public async Task Rejects_a_body_shorter_than_content_length()
    {
        var payload = await UnsignedPayloadAsync(Body, new() { ["Content-Length"] = "30" });

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.IncompleteBody, error.Error.Code);
    }

    [Fact]
    public async Task Requires_content_length()
    {
        var verified = await VerifiedPutAsync(AwsDocExamples.PutObject());
        var request = TestRequests.Create("PUT", "/bucket/key", new Dictionary<string, string>(), Body);

        var error = Assert.Throws<S3Exception>(() => S3Payload.Open(request, verified));
        Assert.Equal(S3ErrorCodes.MissingContentLength, error.Error.Code);
    }

    [Fact]
    public async Task Checks_content_md5()
    {
        var good = await UnsignedPayloadAsync(Body, new() { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(Body)) });
        Assert.Equal(Body, await ReadAllAsync(good.Body));

        var bad = await UnsignedPayloadAsync(Body, new() { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData("other"u8)) });
        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(bad.Body));
        Assert.Equal(S3ErrorCodes.BadDigest, error.Error.Code);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public async Task Rejects_a_malformed_content_md5(string value)
    {
        var error = await Assert.ThrowsAsync<S3Exception>(() => UnsignedPayloadAsync(Body, new() { ["Content-MD5"] = value }));
        Assert.Equal(S3ErrorCodes.InvalidDigest, error.Error.Code);
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32", "y/Q5Jg==")]
    [InlineData("x-amz-checksum-crc32c", "4waSgw==")]
    [InlineData("x-amz-checksum-crc64nvme", "rosUhgp5mIg=")]
    [InlineData("x-amz-checksum-sha1", "98O8HYCOBHMq32eZZczDTKeuNEE=")]
    [InlineData("x-amz-checksum-sha256", "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=")]
    public async Task Checks_each_additional_checksum_header(string header, string checkValueOf123456789)
    {
        var data = "123456789"u8.ToArray();
        var good = await UnsignedPayloadAsync(data, new() { [header] = checkValueOf123456789 });
        Assert.Equal(data, await ReadAllAsync(good.Body));
        Assert.Equal(checkValueOf123456789, good.ChecksumBase64);

        var bad = await UnsignedPayloadAsync("123456780"u8.ToArray(), new() { [header] = checkValueOf123456789 });
        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(bad.Body));
        Assert.Equal(S3ErrorCodes.BadDigest, error.Error.Code);
    }

    [Fact]
    public async Task Rejects_two_checksum_headers()
    {
        var error = await Assert.ThrowsAsync<S3Exception>(() => UnsignedPayloadAsync(Body,
            new() { ["x-amz-checksum-crc32"] = "AAAAAA==", ["x-amz-checksum-crc32c"] = "AAAAAA==" }));
        Assert.Equal(S3ErrorCodes.InvalidRequest, error.Error.Code);
    }

    [Fact]
    public async Task Rejects_a_checksum_header_of_the_wrong_size()
    {
        var error = await Assert.ThrowsAsync<S3Exception>(() => UnsignedPayloadAsync(Body, new() { ["x-amz-checksum-crc32"] = "AAAAAAAAAAA=" }));
        Assert.Equal(S3ErrorCodes.BadDigest, error.Error.Code);
    }

    [Fact]
    public async Task Ignores_checksum_headers_that_name_no_algorithm()
    {
        var payload = await UnsignedPayloadAsync(Body, new() { ["x-amz-checksum-type"] = "FULL_OBJECT", ["x-amz-sdk-checksum-algorithm"] = "CRC32" });

        Assert.Equal(Body, await ReadAllAsync(payload.Body));
        Assert.Null(payload.ChecksumAlgorithm);
    }

    [Fact]
    public void Digests_are_unavailable_before_the_end()
    {
        using var stream = new HashingStream(new MemoryStream(Body), BodyDigests.Md5);

        Assert.Throws<InvalidOperationException>(() => stream.Md5);
        Assert.False(stream.IsComplete);
    }

    [Fact]
    public async Task Computes_only_the_digests_asked_for()
    {
        using var md5Only = new HashingStream(new MemoryStream(Body), BodyDigests.Md5);
        await ReadAllAsync(md5Only);
        Assert.Equal(MD5.HashData(Body), md5Only.Md5);
        Assert.Null(md5Only.Sha256);

        using var both = new HashingStream(new MemoryStream(Body), BodyDigests.Md5 | BodyDigests.Sha256);
        await ReadAllAsync(both);
        Assert.Equal(SHA256.HashData(Body), both.Sha256);
    }
}
