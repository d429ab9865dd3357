using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Payload;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>
/// The response headers an object keeps as they were sent with it (Cache-Control, Content-Disposition,
/// Content-Encoding, Content-Language, Expires) and its verified x-amz-checksum-*, by lower-case name.
/// </summary>
public static class StoredHeaders
{
    private const string ChecksumPrefix = "x-amz-checksum-";
    private const string ContentEncoding = "content-encoding";

    private static readonly string[] Kept = ["cache-control", "content-disposition", ContentEncoding, "content-language", "expires"];

    /// <summary>The kept headers of <paramref name="request"/>; Content-Encoding without the transfer-only <c>aws-chunked</c>.</summary>
    public static Dictionary<string, string> Of(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Kept)
        {
            var value = name == ContentEncoding ? S3Payload.StoredContentEncoding(request) : NullIfEmpty(request.Headers[name].ToString());
            if (value is not null)
            {
                headers[name] = value;
            }
        }
        return headers;
    }

    /// <summary><paramref name="headers"/> with the checksum the payload carried and that was verified, if any.</summary>
    public static IReadOnlyDictionary<string, string> WithChecksum(IReadOnlyDictionary<string, string>? headers, S3Payload payload)
    {
        var result = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (payload.ChecksumAlgorithm is { } algorithm && payload.ChecksumBase64 is { } value)
        {
            result[algorithm.HeaderName()] = value;
        }
        return result;
    }

    /// <summary>Writes the kept headers but the checksums, which S3 sends only when asked for (<see cref="WriteChecksums"/>).</summary>
    public static void Write(HttpResponse response, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers.Where(h => !h.Key.StartsWith(ChecksumPrefix, StringComparison.Ordinal)))
        {
            response.Headers[name] = value;
        }
    }

    /// <summary>The checksum headers alone: PutObject's answer, and a whole object's in checksum mode.</summary>
    public static void WriteChecksums(HttpResponse response, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith(ChecksumPrefix, StringComparison.Ordinal)))
        {
            response.Headers[name] = value;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
