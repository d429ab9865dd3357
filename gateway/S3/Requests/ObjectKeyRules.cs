using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>The shared object key rules, answered as S3 errors.</summary>
public static class ObjectKeyRules
{
    /// <summary>Throws KeyTooLongError or InvalidArgument unless <paramref name="key"/> is an acceptable object key.</summary>
    public static void Validate(string key)
    {
        switch (BucketNames.CheckKey(key))
        {
            case KeyProblem.None:
                return;
            case KeyProblem.TooLong:
                throw new S3Exception(S3ErrorCodes.KeyTooLongError, "Your key is too long");
            case KeyProblem.Empty:
                throw new S3Exception(S3ErrorCodes.InvalidArgument, "Object key must not be empty.");
            case KeyProblem.NotUnicode:
                throw new S3Exception(S3ErrorCodes.InvalidArgument, "Object key is not valid Unicode.");
            default:
                throw new S3Exception(S3ErrorCodes.InvalidArgument, "Object key must not contain control characters.");
        }
    }
}
