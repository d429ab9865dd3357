using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>The conditional-write headers of a PUT, a copy or a multipart completion.</summary>
internal static class WriteConditions
{
    public static WriteCondition Of(HttpRequest request)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString().Trim();
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifNoneMatch.Length > 0 && ifNoneMatch != "*")
        {
            throw new S3Exception(S3ErrorCodes.NotImplemented, "A write's If-None-Match header can only be *.");
        }
        return ifNoneMatch.Length == 0 && ifMatch.Length == 0
            ? WriteCondition.None
            : new WriteCondition(ifNoneMatch == "*", ifMatch.Length > 0 ? ifMatch.Trim('"') : null);
    }
}
