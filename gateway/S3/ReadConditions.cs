using Microsoft.Net.Http.Headers;

namespace GalleryOrleans.Gateway.S3;

/// <summary>
/// The conditional headers of GetObject and HeadObject, in the order RFC 9110 and S3 apply them: If-Match, else
/// If-Unmodified-Since (412 when they fail); then If-None-Match, else If-Modified-Since (304). Dates are compared to
/// the second, as Last-Modified carries them; an unreadable date is ignored.
/// </summary>
public static class ReadConditions
{
    /// <summary>412 or 304 when a condition stops the read; null when the object is to be served.</summary>
    public static int? Evaluate(HttpRequest request, string etag, DateTime lastModified)
    {
        var headers = request.GetTypedHeaders();
        var modified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc)).ToUnixTimeSeconds();
        if (headers.IfMatch is { Count: > 0 } ifMatch)
        {
            if (!ifMatch.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Tag == etag))
            {
                return StatusCodes.Status412PreconditionFailed;
            }
        }
        else if (headers.IfUnmodifiedSince is { } unmodifiedSince && modified > unmodifiedSince.ToUnixTimeSeconds())
        {
            return StatusCodes.Status412PreconditionFailed;
        }

        if (headers.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Tag == etag) ? StatusCodes.Status304NotModified : null;
        }
        return headers.IfModifiedSince is { } modifiedSince && modified <= modifiedSince.ToUnixTimeSeconds()
            ? StatusCodes.Status304NotModified
            : null;
    }
}
