using System.Globalization;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.Http.Streams;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.SigV4;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>
/// The body of a verified request, decoded (aws-chunked or plain) and checked as it is read. Everything the client
/// declared about the body is checked when <see cref="Body"/> reaches its end: byte count, the hex
/// x-amz-content-sha256, Content-MD5 and an x-amz-checksum-* header or trailer; a mismatch is thrown as an
/// <see cref="S3Exception"/> from that last read instead of end-of-stream. So storage keeps what it wrote only when
/// reading <see cref="Body"/> to its end succeeded. Only the declared digests are computed here. A body opened
/// <see cref="OpenForStorage">for storage</see> leaves the MD5 and SHA-256 checks to the writer grain, which computes
/// both digests of every object anyway.
/// </summary>
public sealed class S3Payload
{
    private readonly HashingStream body;
    private readonly AwsChunkedStream? chunked;
    private readonly PayloadMode mode;
    private readonly string contentSha256;
    private readonly byte[]? contentMd5;
    private readonly string? checksumHeaderValue;
    private readonly bool storageChecksDigests;

    private S3Payload(HttpRequest request, SigV4Success authorization, bool storageChecksDigests)
    {
        this.storageChecksDigests = storageChecksDigests;
        mode = authorization.PayloadMode;
        contentSha256 = authorization.ContentSha256;
        var streaming = mode is PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer;
        // A body sent with Transfer-Encoding: chunked has no length to declare; it is whatever arrives.
        var decodedLength = streaming ? DecodedContentLength(request) : 0;
        Length = streaming ? decodedLength : request.ContentLength
            ?? (IsChunked(request) ? null : throw new S3Exception(S3ErrorCodes.MissingContentLength, "You must provide the Content-Length HTTP header."));
        contentMd5 = ContentMd5(request);
        ContentEncoding = StoredContentEncoding(request);

        var trailerDeclared = mode is PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer
            && request.Headers.ContainsKey("x-amz-trailer");
        (ChecksumAlgorithm, checksumHeaderValue) = trailerDeclared ? (TrailerChecksum(request), null) : HeaderChecksum(request);
        ChecksumInTrailer = trailerDeclared;

        chunked = streaming ? new AwsChunkedStream(request.Body, mode, authorization.Signing, decodedLength) : null;
        var digests = storageChecksDigests ? BodyDigests.None
            : (contentMd5 is null ? BodyDigests.None : BodyDigests.Md5) | (mode == PayloadMode.Sha256 ? BodyDigests.Sha256 : BodyDigests.None);
        body = new HashingStream(chunked ?? request.Body, digests, ChecksumAlgorithm, Verify);
    }

    /// <summary>The object bytes. Read it to its end (storage copies it); the checks run on the last read.</summary>
    public Stream Body => body;

    /// <summary>
    /// The object size the client declared (Content-Length, or x-amz-decoded-content-length for aws-chunked); null for
    /// a body sent with Transfer-Encoding: chunked.
    /// </summary>
    public long? Length { get; }

    /// <summary>Content-Encoding to store with the object: the request's, without the transfer-only <c>aws-chunked</c>.</summary>
    public string? ContentEncoding { get; }

    /// <summary>The additional checksum the client sent (header or trailer), if any.</summary>
    public ChecksumAlgorithm? ChecksumAlgorithm { get; }

    public bool ChecksumInTrailer { get; }

    /// <summary>The verified additional checksum, base64 as S3 returns it in x-amz-checksum-*; null when none was sent.</summary>
    public string? ChecksumBase64 => body.Checksum is { } checksum ? Convert.ToBase64String(checksum) : null;

    /// <summary>
    /// Validates the body headers of <paramref name="request"/> and wraps its body, for a body the gateway reads itself
    /// (XML); throws <see cref="S3Exception"/> for bad headers.
    /// </summary>
    public static S3Payload Open(HttpRequest request, SigV4Success authorization) => new(request, authorization, storageChecksDigests: false);

    /// <summary>As <see cref="Open"/>, for object bytes that go to <see cref="StoreAsync"/>.</summary>
    public static S3Payload OpenForStorage(HttpRequest request, SigV4Success authorization) => new(request, authorization, storageChecksDigests: true);

    /// <summary>Streams the body to a new writer grain, which checks the Content-MD5 and x-amz-content-sha256 when it seals.</summary>
    public Task<Result<SealedObject, StorageFailure>> StoreAsync(IClusterClient cluster, CancellationToken cancellationToken) =>
        ObjectStreaming.WriteAsync(cluster, body,
            storageChecksDigests && contentMd5 is not null ? Convert.ToHexStringLower(contentMd5) : null,
            storageChecksDigests && mode == PayloadMode.Sha256 ? contentSha256 : null,
            cancellationToken);

    /// <summary>
    /// Writes the body into a staged file under the storage root (<see cref="ObjectStaging"/>) and checks the
    /// Content-MD5 and x-amz-content-sha256 against what the staging computed; a mismatch removes the file.
    /// </summary>
    public async Task<StagedObject> StageAsync(ObjectStaging staging, long? maxBytes, CancellationToken cancellationToken)
    {
        var staged = await staging.StageAsync(body, mode == PayloadMode.Sha256, maxBytes, cancellationToken);
        try
        {
            CheckDigests(contentMd5 is null ? null : staged.Md5, staged.Sha256);
        }
        catch
        {
            staging.Delete(staged.RelativePath);
            throw;
        }
        return new StagedObject(staged.RelativePath, staged.Size, Convert.ToHexStringLower(staged.Md5),
            staged.Sha256 is { } sha256 ? Convert.ToHexStringLower(sha256) : "");
    }

    /// <summary>Checks the digests the client declared against those computed (null: not computed).</summary>
    private void CheckDigests(byte[]? md5, byte[]? sha256)
    {
        if (sha256 is not null && !sha256.AsSpan().SequenceEqual(Convert.FromHexString(contentSha256)))
        {
            throw new S3Exception(S3ErrorCodes.XAmzContentSha256Mismatch,
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        if (md5 is not null && !md5.AsSpan().SequenceEqual(contentMd5))
        {
            throw new S3Exception(S3ErrorCodes.BadDigest, "The Content-MD5 you specified did not match what we received.");
        }
    }

    /// <summary>Checks what was declared and computed here; for a body opened for storage, MD5 and SHA-256 were not.</summary>
    private void Verify(HashingStream hashed)
    {
        if (Length is { } declared && hashed.BytesRead != declared)
        {
            throw new S3Exception(S3ErrorCodes.IncompleteBody, "You did not provide the number of bytes specified by the Content-Length HTTP header.");
        }

        CheckDigests(hashed.Md5, hashed.Sha256);

        if (ChecksumAlgorithm is { } algorithm)
        {
            var expected = ChecksumInTrailer ? TrailerValue(algorithm) : checksumHeaderValue!;
            if (!hashed.Checksum!.AsSpan().SequenceEqual(DecodeChecksum(expected, algorithm)))
            {
                throw new S3Exception(S3ErrorCodes.BadDigest,
                    $"The {algorithm.ToString().ToUpperInvariant()} you specified did not match the calculated checksum.");
            }
        }
    }

    private string TrailerValue(ChecksumAlgorithm algorithm) =>
        chunked!.Trailers.GetValueOrDefault(algorithm.HeaderName())
        ?? throw new S3Exception(S3ErrorCodes.MalformedTrailerError, $"The {algorithm.HeaderName()} trailer announced by x-amz-trailer was not sent.");

    private static bool IsChunked(HttpRequest request) =>
        request.Headers.TransferEncoding.Any(value => value?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);

    private static long DecodedContentLength(HttpRequest request) =>
        long.TryParse(request.Headers["x-amz-decoded-content-length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : throw new S3Exception(S3ErrorCodes.MissingContentLength, "aws-chunked uploads must send x-amz-decoded-content-length.");

    private static byte[]? ContentMd5(HttpRequest request)
    {
        var header = request.Headers.ContentMD5;
        if (header.Count == 0)
        {
            return null;
        }

        var bytes = new byte[MD5.HashSizeInBytes];
        return header.Count == 1 && Convert.TryFromBase64String(header.ToString(), bytes, out var written) && written == bytes.Length
            ? bytes
            : throw new S3Exception(S3ErrorCodes.InvalidDigest, "The Content-MD5 you specified is not valid.");
    }

    /// <summary>The request's Content-Encoding without the transfer-only <c>aws-chunked</c>; null when nothing is left.</summary>
    public static string? StoredContentEncoding(HttpRequest request)
    {
        var codings = request.Headers.ContentEncoding.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(coding => !coding.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return codings.Length == 0 ? null : string.Join(", ", codings);
    }

    private static ChecksumAlgorithm TrailerChecksum(HttpRequest request)
    {
        var declared = request.Headers["x-amz-trailer"].ToString().Trim();
        return ChecksumAlgorithms.TryFromHeaderName(declared, out var algorithm)
            ? algorithm
            : throw new S3Exception(S3ErrorCodes.InvalidRequest, $"The value specified in the x-amz-trailer header is not supported: {declared}");
    }

    private static (ChecksumAlgorithm?, string?) HeaderChecksum(HttpRequest request)
    {
        (ChecksumAlgorithm?, string?) found = (null, null);
        foreach (var (name, value) in request.Headers)
        {
            if (!ChecksumAlgorithms.TryFromHeaderName(name, out var algorithm))
            {
                continue;
            }

            if (found.Item1 is not null || value.Count != 1)
            {
                throw new S3Exception(S3ErrorCodes.InvalidRequest, "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }

            // AWS answers InvalidRequest for a value that is not a checksum at all; the s3-tests suite expects BadDigest, as
            // for any checksum the body does not match.
            DecodeChecksum(value.ToString(), algorithm);
            found = (algorithm, value.ToString());
        }

        return found;
    }

    private static byte[] DecodeChecksum(string base64, ChecksumAlgorithm algorithm)
    {
        var size = algorithm.SizeInBytes();
        var bytes = new byte[size];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == size
            ? bytes
            : throw new S3Exception(S3ErrorCodes.BadDigest, $"Value for {algorithm.HeaderName()} header is invalid.");
    }
}
