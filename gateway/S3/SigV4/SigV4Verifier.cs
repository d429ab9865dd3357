using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;

namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>
/// Verifies AWS Signature Version 4 (service <c>s3</c>) of a request: the Authorization header or a presigned URL.
/// Any region in the credential scope is accepted; the gateway has a single one, and clients sign with theirs.
/// </summary>
public sealed class SigV4Verifier(TimeProvider clock)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxPresignedExpiry = TimeSpan.FromDays(7);

    public async Task<SigV4Result> VerifyAsync(
        HttpRequest request,
        Func<string, CancellationToken, Task<S3Credential?>> findCredential,
        CancellationToken cancellationToken)
    {
        try
        {
            var authorization = SigV4Authorization.Parse(request)
                ?? throw new S3Exception(S3ErrorCodes.AccessDenied, "Anonymous access is not allowed.");
            CheckTime(authorization);
            var mode = ParsePayloadMode(authorization.PayloadHash);
            var credential = await findCredential(authorization.AccessKeyId, cancellationToken)
                ?? throw new S3Exception(S3ErrorCodes.InvalidAccessKeyId, "The AWS Access Key Id you provided does not exist in our records.");

            var signingKey = SigV4Crypto.SigningKey(credential.SecretKey, authorization.Timestamp[..8], authorization.Region, "s3");
            var stringToSign = $"{SigV4Crypto.Algorithm}\n{authorization.Timestamp}\n{authorization.Scope}\n" +
                SigV4Crypto.Sha256Hex(CanonicalRequest.Build(request, authorization));
            var signature = SigV4Crypto.Sign(signingKey, stringToSign);
            if (!SigV4Crypto.SignatureMatches(signature, authorization.Signature))
            {
                throw new S3Exception(S3ErrorCodes.SignatureDoesNotMatch,
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
            }

            RequireAmzHeadersSigned(request, authorization);

            return new SigV4Success(credential, mode, authorization.PayloadHash,
                new SigningContext(signingKey, authorization.Timestamp, authorization.Scope, signature), authorization.IsPresigned);
        }
        catch (S3Exception e)
        {
            return new SigV4Failure(e.Error);
        }
    }

    private void CheckTime(SigV4Authorization authorization)
    {
        var now = clock.GetUtcNow();
        if (authorization.Expires is { } expires)
        {
            if (authorization.Time - now > MaxClockSkew)
            {
                throw new S3Exception(S3ErrorCodes.AccessDenied, "Request is not valid yet");
            }

            if (now > authorization.Time + expires)
            {
                throw new S3Exception(S3ErrorCodes.AccessDenied, "Request has expired");
            }
        }
        else if ((now - authorization.Time).Duration() > MaxClockSkew)
        {
            throw new S3Exception(S3ErrorCodes.RequestTimeTooSkewed,
                "The difference between the request time and the current time is too large.");
        }
    }

    private static PayloadMode ParsePayloadMode(string payloadHash) => payloadHash switch
    {
        "UNSIGNED-PAYLOAD" => PayloadMode.Unsigned,
        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" => PayloadMode.StreamingSigned,
        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" => PayloadMode.StreamingSignedTrailer,
        "STREAMING-UNSIGNED-PAYLOAD-TRAILER" => PayloadMode.StreamingUnsignedTrailer,
        _ when payloadHash.StartsWith("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", StringComparison.Ordinal) =>
            throw new S3Exception(S3ErrorCodes.NotImplemented, "SigV4a (ECDSA) signed payloads are not supported."),
        _ when payloadHash.Length == 64 && payloadHash.All(char.IsAsciiHexDigit) => PayloadMode.Sha256,
        _ => throw new S3Exception(S3ErrorCodes.InvalidArgument,
            "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, " +
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value."),
    };

    // As S3 does, for header-signed and presigned requests alike: an x-amz-* header outside the signature could change
    // what the request does (a copy source turns a presigned PUT into a copy of anything the signer can read).
    private static void RequireAmzHeadersSigned(HttpRequest request, SigV4Authorization authorization)
    {
        foreach (var name in request.Headers.Keys)
        {
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)
                && !authorization.SignedHeaders.Contains(name.ToLowerInvariant()))
            {
                throw new S3Exception(S3ErrorCodes.AccessDenied, "There were headers present in the request which were not signed");
            }
        }
    }
}
