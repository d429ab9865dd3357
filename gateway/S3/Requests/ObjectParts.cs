using System.Globalization;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>
/// GetObject and HeadObject with <c>?partNumber=N</c>: the bytes of part N of a multipart object, with its part count in
/// <c>x-amz-mp-parts-count</c>. An object stored in one piece is its own part 1.
/// </summary>
public static class ObjectParts
{
    private const string PartNumber = "partNumber";

    /// <summary>The byte range of the requested part; null when no part is asked for, or for part 1 of a one-piece object.</summary>
    public static ByteRange? Requested(IQueryCollection query, ObjectInfo info, HttpResponse response)
    {
        if (!query.TryGetValue(PartNumber, out var text))
        {
            return null;
        }
        if (response.HttpContext.Request.Headers.Range.Count > 0)
        {
            throw new S3Exception(S3ErrorCodes.InvalidRequest, "Cannot specify both Range header and partNumber query parameter");
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive");
        }
        var count = Math.Max(info.PartSizes.Count, 1);
        if (number > count)
        {
            // AWS answers 416 InvalidPartNumber here; the s3-tests suite, and RGW behind it, expect 400 InvalidPart.
            throw new S3Exception(S3ErrorCodes.InvalidPart, $"The object has {count} part(s); part {number} does not exist.");
        }
        if (info.PartSizes.Count == 0)
        {
            return null;
        }
        response.Headers["x-amz-mp-parts-count"] = count.ToString(CultureInfo.InvariantCulture);
        var start = info.PartSizes.Take(number - 1).Sum();
        return new ByteRange(start, info.PartSizes[number - 1]);
    }
}
