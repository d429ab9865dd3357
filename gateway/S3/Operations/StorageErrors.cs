using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>Storage refusals as S3 errors.</summary>
internal static class StorageErrors
{
    public static S3Exception ToS3(this StorageFailure failure) => failure switch
    {
        StorageFailure.NoSuchBucket => new(S3ErrorCodes.NoSuchBucket, "The specified bucket does not exist"),
        StorageFailure.NoSuchKey => new(S3ErrorCodes.NoSuchKey, "The specified key does not exist."),
        StorageFailure.AccessDenied => new(S3ErrorCodes.AccessDenied, "Access Denied"),
        StorageFailure.BucketAlreadyExists => new(S3ErrorCodes.BucketAlreadyExists, "The requested bucket name is not available."),
        StorageFailure.BucketAlreadyOwnedByYou => new(S3ErrorCodes.BucketAlreadyOwnedByYou, "You already own this bucket."),
        StorageFailure.BucketNotEmpty => new(S3ErrorCodes.BucketNotEmpty, "The bucket you tried to delete is not empty"),
        StorageFailure.InvalidBucketName => new(S3ErrorCodes.InvalidBucketName, "The specified bucket is not valid."),
        StorageFailure.BadDigest => new(S3ErrorCodes.BadDigest, "The digest you specified did not match what we received."),
        StorageFailure.ContentSha256Mismatch => new(S3ErrorCodes.XAmzContentSha256Mismatch,
            "The provided 'x-amz-content-sha256' header does not match what was computed."),
        StorageFailure.PreconditionFailed => new(S3ErrorCodes.PreconditionFailed, "At least one of the pre-conditions you specified did not hold"),
        StorageFailure.NoSuchUpload => new(S3ErrorCodes.NoSuchUpload, "The specified upload does not exist."),
        StorageFailure.InvalidPart => new(S3ErrorCodes.InvalidPart, "One or more of the specified parts could not be found."),
        StorageFailure.InvalidPartOrder => new(S3ErrorCodes.InvalidPartOrder, "The list of parts was not in ascending order."),
        StorageFailure.EntityTooSmall => new(S3ErrorCodes.EntityTooSmall, "Your proposed upload is smaller than the minimum allowed object size."),
        StorageFailure.QuotaExceeded => new(S3ErrorCodes.QuotaExceeded, "Storing this object would exceed your storage quota."),
        _ => new(S3ErrorCodes.InvalidArgument, "Invalid argument."),
    };

    public static T OrThrow<T>(this Result<T, StorageFailure> result) =>
        result.Succeeded ? result.Value! : throw result.Failure.ToS3();

    public static void OrThrow(this StorageFailure failure)
    {
        if (failure != StorageFailure.None)
        {
            throw failure.ToS3();
        }
    }
}
