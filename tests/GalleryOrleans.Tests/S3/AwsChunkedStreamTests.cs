using System.Text;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.SigV4;
using Microsoft.AspNetCore.Http;
using static GalleryOrleans.Tests.Infrastructure.StreamBytes;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class AwsChunkedStreamTests
{
    private static readonly byte[] ExampleObject = Enumerable.Repeat((byte)'a', 66560).ToArray();

    private static async Task<SigV4Success> VerifyAsync(HttpRequest request)
    {
        var result = await new SigV4Verifier(new FixedClock(AwsDocExamples.Time))
            .VerifyAsync(request, AwsDocExamples.FindCredential, CancellationToken.None);
        return Assert.IsType<SigV4Success>(result);
    }

    [Fact]
    public async Task Decodes_the_documented_chunked_upload_and_checks_its_chunk_signatures()
    {
        var request = AwsDocExamples.ChunkedPut();
        var success = await VerifyAsync(request);
        Assert.Equal(PayloadMode.StreamingSigned, success.PayloadMode);
        Assert.Equal(AwsDocExamples.ChunkSeedSignature, success.Signing.SeedSignature);

        var payload = S3Payload.Open(request, success);

        Assert.Equal(ExampleObject, await ReadAllAsync(payload.Body));
        Assert.Equal(66560, payload.Length);
        Assert.Null(payload.ContentEncoding);
        Assert.Null(payload.ChecksumBase64);
    }

    [Fact]
    public async Task Decodes_the_documented_trailer_upload_and_checks_trailer_signature_and_crc32c()
    {
        var request = AwsDocExamples.TrailerPut();
        var success = await VerifyAsync(request);
        Assert.Equal(PayloadMode.StreamingSignedTrailer, success.PayloadMode);

        var payload = S3Payload.Open(request, success);

        Assert.Equal(ExampleObject, await ReadAllAsync(payload.Body));
        Assert.Equal(ChecksumAlgorithm.Crc32C, payload.ChecksumAlgorithm);
        Assert.True(payload.ChecksumInTrailer);
        Assert.Equal("sOO8/Q==", payload.ChecksumBase64);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4099)]
    public async Task Decodes_bodies_that_arrive_in_small_pieces_with_sync_and_async_reads(int pieceSize)
    {
        var success = await VerifyAsync(AwsDocExamples.TrailerPut());
        var body = AwsDocExamples.ChunkedBody(AwsDocExamples.TrailerChunkSignatures,
            $"x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:{AwsDocExamples.TrailerSignature}\r\n");

        var asyncStream = new AwsChunkedStream(new TrickleStream(body, pieceSize), success.PayloadMode, success.Signing, 66560);
        Assert.Equal(ExampleObject, await ReadAllAsync(asyncStream));
        Assert.Equal("sOO8/Q==", asyncStream.Trailers["x-amz-checksum-crc32c"]);

        var syncStream = new AwsChunkedStream(new TrickleStream(body, pieceSize), success.PayloadMode, success.Signing, 66560);
        var syncCopy = new MemoryStream();
        syncStream.CopyTo(syncCopy, 333);
        Assert.Equal(ExampleObject, syncCopy.ToArray());
    }

    [Fact]
    public async Task Rejects_a_changed_data_byte()
    {
        var body = AwsDocExamples.ChunkedBody(AwsDocExamples.ChunkSignatures, null);
        body[60000] = (byte)'b';
        var request = AwsDocExamples.ChunkedPut(body);
        var payload = S3Payload.Open(request, await VerifyAsync(request));

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.SignatureDoesNotMatch, error.Error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Rejects_a_changed_chunk_signature(int chunk)
    {
        var signatures = (string[])AwsDocExamples.ChunkSignatures.Clone();
        signatures[chunk] = signatures[chunk][..^1] + "0";
        var request = AwsDocExamples.ChunkedPut(AwsDocExamples.ChunkedBody(signatures, null));
        var payload = S3Payload.Open(request, await VerifyAsync(request));

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.SignatureDoesNotMatch, error.Error.Code);
    }

    [Fact]
    public async Task Rejects_chunks_swapped_in_order()
    {
        var signatures = (string[])AwsDocExamples.ChunkSignatures.Clone();
        (signatures[0], signatures[1]) = (signatures[1], signatures[0]);
        var request = AwsDocExamples.ChunkedPut(AwsDocExamples.ChunkedBody(signatures, null));
        var payload = S3Payload.Open(request, await VerifyAsync(request));

        await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32c:sOO8/Q==\r\n")]
    [InlineData("x-amz-checksum-crc32c:AAAAAA==\r\nx-amz-trailer-signature:" + AwsDocExamples.TrailerSignature + "\r\n")]
    public async Task Rejects_a_trailer_without_its_signature_or_changed(string trailer)
    {
        var request = AwsDocExamples.TrailerPut(AwsDocExamples.ChunkedBody(AwsDocExamples.TrailerChunkSignatures, trailer));
        var payload = S3Payload.Open(request, await VerifyAsync(request));

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.SignatureDoesNotMatch, error.Error.Code);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(65600)]
    [InlineData(66700)]
    public async Task Rejects_a_truncated_body(int length)
    {
        var body = AwsDocExamples.ChunkedBody(AwsDocExamples.ChunkSignatures, null)[..length];
        var request = AwsDocExamples.ChunkedPut(body);
        var payload = S3Payload.Open(request, await VerifyAsync(request));

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.IncompleteBody, error.Error.Code);
    }

    [Fact]
    public async Task Rejects_more_data_than_the_decoded_length()
    {
        var request = AwsDocExamples.ChunkedPut();
        var success = await VerifyAsync(request);
        var stream = new AwsChunkedStream(request.Body, success.PayloadMode, success.Signing, 65536);

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(stream));
        Assert.Equal(S3ErrorCodes.IncompleteBody, error.Error.Code);
    }

    [Theory]
    [InlineData("zz;chunk-signature=00\r\n")]
    [InlineData("10000000000000000\r\n")]
    [InlineData("\r\n")]
    public async Task Rejects_a_malformed_chunk_header(string header)
    {
        var success = await VerifyAsync(AwsDocExamples.ChunkedPut());
        var stream = new AwsChunkedStream(new MemoryStream(Encoding.ASCII.GetBytes(header)), PayloadMode.StreamingUnsignedTrailer, success.Signing, 10);

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(stream));
        Assert.Equal(S3ErrorCodes.IncompleteBody, error.Error.Code);
    }

    [Fact]
    public async Task Decodes_an_unsigned_trailer_body_and_checks_its_crc32()
    {
        var success = await VerifyAsync(AwsDocExamples.GetObject());
        var request = UnsignedTrailerRequest("x-amz-checksum-crc32", "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n");
        var payload = S3Payload.Open(request, UnsignedTrailer(success));

        Assert.Equal("hello world"u8.ToArray(), await ReadAllAsync(payload.Body));
        Assert.Equal("DUoRhQ==", payload.ChecksumBase64);
    }

    [Fact]
    public async Task Rejects_an_unsigned_trailer_body_whose_crc32_does_not_match()
    {
        var success = await VerifyAsync(AwsDocExamples.GetObject());
        var request = UnsignedTrailerRequest("x-amz-checksum-crc32", "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n");
        var payload = S3Payload.Open(request, UnsignedTrailer(success));

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.BadDigest, error.Error.Code);
    }

    [Fact]
    public async Task Rejects_an_unsigned_trailer_body_missing_its_announced_trailer()
    {
        var success = await VerifyAsync(AwsDocExamples.GetObject());
        var request = UnsignedTrailerRequest("x-amz-checksum-crc32", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        var payload = S3Payload.Open(request, UnsignedTrailer(success));

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(payload.Body));
        Assert.Equal(S3ErrorCodes.MalformedTrailerError, error.Error.Code);
    }

    [Fact]
    public async Task Keeps_other_content_encodings_for_storage()
    {
        var success = await VerifyAsync(AwsDocExamples.GetObject());
        var request = UnsignedTrailerRequest("x-amz-checksum-crc32", "0\r\n\r\n", decodedLength: 0);
        request.Headers.ContentEncoding = "gzip, aws-chunked";

        Assert.Equal("gzip", S3Payload.Open(request, UnsignedTrailer(success)).ContentEncoding);
    }

    private static SigV4Success UnsignedTrailer(SigV4Success verified) =>
        verified with { PayloadMode = PayloadMode.StreamingUnsignedTrailer, ContentSha256 = "STREAMING-UNSIGNED-PAYLOAD-TRAILER" };

    private static HttpRequest UnsignedTrailerRequest(string trailer, string body, int decodedLength = 11) =>
        TestRequests.Create("PUT", "/bucket/key", new Dictionary<string, string>
        {
            ["x-amz-trailer"] = trailer,
            ["x-amz-decoded-content-length"] = decodedLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Content-Encoding"] = "aws-chunked",
        }, Encoding.ASCII.GetBytes(body));
}
