using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Xml;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>
/// The conditions of a read, in the order RFC 9110 and S3 apply them: If-Match, else If-Unmodified-Since (412 when they
/// fail); then If-None-Match, else If-Modified-Since (304). GetObject and HeadObject take them as the standard headers,
/// CopyObject and UploadPartCopy as <c>x-amz-copy-source-if-*</c> about the source, where every failure is a 412.
/// Dates are compared to the second, as Last-Modified carries them; an unreadable date is ignored.
/// </summary>
public static class ReadConditions
{
    /// <summary>412 or 304 when a condition stops the read; null when the object is to be served.</summary>
    public static int? Evaluate(HttpRequest request, string etag, DateTime lastModified) =>
        Evaluate(request.Headers, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince,
            etag, lastModified);

    /// <summary>Throws PreconditionFailed when an <c>x-amz-copy-source-if-*</c> condition about the source does not hold.</summary>
    public static void CheckCopySource(HttpRequest request, string etag, DateTime lastModified)
    {
        if (Evaluate(request.Headers, "x-amz-copy-source-if-match", "x-amz-copy-source-if-none-match",
                "x-amz-copy-source-if-modified-since", "x-amz-copy-source-if-unmodified-since", etag, lastModified) is not null)
        {
            throw new S3Exception(S3ErrorCodes.PreconditionFailed, "At least one of the pre-conditions you specified did not hold");
        }
    }

    private static int? Evaluate(IHeaderDictionary headers, string ifMatchName, string ifNoneMatchName, string ifModifiedSinceName,
        string ifUnmodifiedSinceName, string etag, DateTime lastModified)
    {
        var modified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc)).ToUnixTimeSeconds();
        if (ETags(headers[ifMatchName]) is { } ifMatch)
        {
            if (!ifMatch.Any(m => Matches(m, etag)))
            {
                return StatusCodes.Status412PreconditionFailed;
            }
        }
        else if (Date(headers[ifUnmodifiedSinceName]) is { } unmodifiedSince && modified > unmodifiedSince)
        {
            return StatusCodes.Status412PreconditionFailed;
        }

        if (ETags(headers[ifNoneMatchName]) is { } ifNoneMatch)
        {
            return ifNoneMatch.Any(m => Matches(m, etag)) ? StatusCodes.Status304NotModified : null;
        }
        return Date(headers[ifModifiedSinceName]) is { } modifiedSince && modified <= modifiedSince ? StatusCodes.Status304NotModified : null;
    }

    // Clients send S3 ETags quoted or bare; both name the same version.
    private static bool Matches(string candidate, string etag) =>
        candidate == "*" || S3Format.QuoteETag(candidate) == etag;

    private static List<string>? ETags(StringValues values)
    {
        var tags = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(tag => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag)
            .ToList();
        return tags.Count == 0 ? null : tags;
    }

    private static long? Date(StringValues values) =>
        values.Count == 1 && HeaderUtilities.TryParseDate(values[0], out var date) ? date.ToUnixTimeSeconds() : null;
}
