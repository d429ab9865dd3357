using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.Xml;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>
/// The source of CopyObject and UploadPartCopy: the object named by <c>x-amz-copy-source</c>, read with the caller's
/// rights, if the <c>x-amz-copy-source-if-*</c> conditions hold.
/// </summary>
internal static class CopySource
{
    public static async Task<ObjectInfo> FindAsync(S3Request request, string header)
    {
        var decoded = Uri.UnescapeDataString(header.Split('?')[0]).TrimStart('/');
        var slash = decoded.IndexOf('/');
        if (slash <= 0 || slash == decoded.Length - 1)
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        var source = (await request.Cluster.GetGrain<IBucketGrain>(decoded[..slash]).GetObject(request.Caller, decoded[(slash + 1)..])).OrThrow();
        ReadConditions.CheckCopySource(request.Http.Request, S3Format.QuoteETag(source.ETag), source.LastModified);
        return source;
    }
}
