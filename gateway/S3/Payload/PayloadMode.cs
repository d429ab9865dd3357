namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>How the body of a SigV4 request is protected, from <c>x-amz-content-sha256</c>.</summary>
public enum PayloadMode
{
    /// <summary>The header is the hex SHA-256 of the body, checked once the body has been read.</summary>
    Sha256,

    /// <summary><c>UNSIGNED-PAYLOAD</c>: the body is not covered by the signature (presigned URLs, HTTPS clients).</summary>
    Unsigned,

    /// <summary><c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c>: aws-chunked, every chunk signed.</summary>
    StreamingSigned,

    /// <summary><c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER</c>: aws-chunked, chunks and the trailer signed.</summary>
    StreamingSignedTrailer,

    /// <summary><c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>: aws-chunked without signatures, a checksum in the trailer.</summary>
    StreamingUnsignedTrailer,
}
