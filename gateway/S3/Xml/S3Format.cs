using System.Globalization;

namespace GalleryOrleans.Gateway.S3.Xml;

/// <summary>Value formats S3 uses in XML bodies.</summary>
public static class S3Format
{
    /// <summary>ISO-8601 UTC with milliseconds, e.g. <c>2009-10-12T17:50:30.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The ETag in double quotes, as S3 sends it; an already quoted one is kept.</summary>
    public static string QuoteETag(string etag) => etag.StartsWith('"') && etag.EndsWith('"') && etag.Length >= 2 ? etag : $"\"{etag}\"";

    /// <summary>The ETag without surrounding double quotes, as clients may send either form.</summary>
    public static string UnquoteETag(string etag) => etag.Length >= 2 && etag.StartsWith('"') && etag.EndsWith('"') ? etag[1..^1] : etag;
}
