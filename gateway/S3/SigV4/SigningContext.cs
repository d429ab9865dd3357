namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>
/// What a verified request leaves behind to check the rest of an aws-chunked body: every chunk signature chains
/// from the seed signature of the request and is made with the same signing key, timestamp and scope.
/// </summary>
public sealed class SigningContext
{
    private readonly byte[] signingKey;

    internal SigningContext(byte[] signingKey, string timestamp, string scope, string seedSignature)
    {
        this.signingKey = signingKey;
        Timestamp = timestamp;
        Scope = scope;
        SeedSignature = seedSignature;
    }

    /// <summary>The request time as signed, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public string Timestamp { get; }

    /// <summary><c>date/region/s3/aws4_request</c>.</summary>
    public string Scope { get; }

    /// <summary>The signature of the request itself, which the first chunk signature chains from.</summary>
    public string SeedSignature { get; }

    internal string ChunkSignature(string previousSignature, string chunkSha256Hex) =>
        SigV4Crypto.Sign(signingKey,
            $"AWS4-HMAC-SHA256-PAYLOAD\n{Timestamp}\n{Scope}\n{previousSignature}\n{SigV4Crypto.EmptySha256Hex}\n{chunkSha256Hex}");

    internal string TrailerSignature(string previousSignature, string canonicalTrailers) =>
        SigV4Crypto.Sign(signingKey,
            $"AWS4-HMAC-SHA256-TRAILER\n{Timestamp}\n{Scope}\n{previousSignature}\n{SigV4Crypto.Sha256Hex(canonicalTrailers)}");
}
