using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;

namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>Outcome of <see cref="SigV4Verifier.VerifyAsync"/>: a <see cref="SigV4Success"/> or a <see cref="SigV4Failure"/>.</summary>
public abstract record SigV4Result;

/// <summary>
/// The request was signed by <see cref="Credential"/>. The body is not checked yet: open it with
/// <see cref="S3Payload.Open"/>, which checks it as it is read.
/// </summary>
/// <param name="ContentSha256">The payload hash the signature covers: a hex SHA-256, UNSIGNED-PAYLOAD or a STREAMING-* marker.</param>
public sealed record SigV4Success(
    S3Credential Credential,
    PayloadMode PayloadMode,
    string ContentSha256,
    SigningContext Signing,
    bool IsPresigned) : SigV4Result;

/// <summary>The request must be refused with <see cref="Error"/>.</summary>
public sealed record SigV4Failure(S3Error Error) : SigV4Result;
