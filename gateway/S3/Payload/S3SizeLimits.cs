using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>S3's limits on one request's object bytes, refused from the declared length before a byte is stored.</summary>
internal static class S3SizeLimits
{
    /// <summary>The most a single PUT or one part of a multipart upload may carry (5 GiB, as S3).</summary>
    public const long MaxBodyBytes = 5L * 1024 * 1024 * 1024;

    public static S3Payload WithinLimit(this S3Payload payload) => payload.Length > MaxBodyBytes
        ? throw new S3Exception(S3ErrorCodes.EntityTooLarge, "Your proposed upload exceeds the maximum allowed object size.")
        : payload;
}
