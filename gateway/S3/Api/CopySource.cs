using System.Globalization;
using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Gateway.S3.Api;

/// <summary>
/// The source of CopyObject and UploadPartCopy: the object named by <c>x-amz-copy-source</c>, read with the caller's
/// rights, and the bytes of it that <c>x-amz-copy-source-range</c> asks for.
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
        return (await request.Cluster.GetGrain<IBucketGrain>(decoded[..slash]).GetObject(request.Caller, decoded[(slash + 1)..])).OrThrow();
    }

    /// <summary>The whole object without a header; <c>bytes=first-last</c> within the object otherwise.</summary>
    public static ByteRange Range(string? header, long objectSize)
    {
        if (string.IsNullOrEmpty(header))
        {
            return new ByteRange(0, objectSize);
        }
        const string unit = "bytes=";
        var bounds = header.StartsWith(unit, StringComparison.Ordinal) ? header[unit.Length..].Split('-') : [];
        if (bounds.Length != 2 || !TryParse(bounds[0], out var first) || !TryParse(bounds[1], out var last) || last < first)
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument,
                "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        return last < objectSize
            ? new ByteRange(first, last - first + 1)
            : throw new S3Exception(S3ErrorCodes.InvalidRange, $"Range specified is not valid for source object of size: {objectSize}");
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
