using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>The shared bucket naming rules, answered as S3 errors.</summary>
public static class BucketNameRules
{
    /// <summary>Throws InvalidBucketName unless <paramref name="name"/> is a valid bucket name.</summary>
    public static void Validate(string name)
    {
        if (!BucketNames.IsValid(name))
        {
            throw new S3Exception(S3ErrorCodes.InvalidBucketName, "The specified bucket is not valid.");
        }
    }
}
