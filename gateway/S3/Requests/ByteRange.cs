using System.Globalization;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>A satisfiable single byte range of an object, from a <c>Range</c> header.</summary>
public readonly record struct ByteRange(long Start, long Length)
{
    public long End => Start + Length - 1;

    /// <summary>The <c>Content-Range</c> value of a 206 answer.</summary>
    public string ContentRange(long objectLength) => $"bytes {Start}-{End}/{objectLength}";

    /// <summary>
    /// The range to serve, or null to serve the whole object (200): no header, a header that is not a valid
    /// <c>bytes=</c> range (ignored, per RFC 9110), or several ranges (S3 ignores multi-range requests and answers
    /// with the whole object; so do we). Throws InvalidRange (416, <c>Content-Range: bytes */len</c>) when unsatisfiable.
    /// </summary>
    public static ByteRange? Parse(string? header, long objectLength)
    {
        const string unit = "bytes=";
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith(unit, StringComparison.OrdinalIgnoreCase) || header.Contains(','))
        {
            return null;
        }

        var spec = header[unit.Length..].Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var firstText = spec[..dash];
        var lastText = spec[(dash + 1)..];
        if (firstText.Length == 0)
        {
            if (!TryParse(lastText, out var suffix))
            {
                return null;
            }

            return suffix > 0 && objectLength > 0
                ? new ByteRange(Math.Max(0, objectLength - suffix), Math.Min(suffix, objectLength))
                : throw NotSatisfiable(objectLength);
        }

        if (!TryParse(firstText, out var first))
        {
            return null;
        }

        var last = long.MaxValue;
        if (lastText.Length > 0 && (!TryParse(lastText, out last) || last < first))
        {
            return null;
        }

        return first < objectLength
            ? new ByteRange(first, Math.Min(last, objectLength - 1) - first + 1)
            : throw NotSatisfiable(objectLength);
    }

    /// <summary>
    /// The <c>x-amz-copy-source-range</c> of UploadPartCopy: the whole object without one, else <c>bytes=first-last</c>
    /// with both bounds, within the object (InvalidArgument when malformed, InvalidRange when past its end).
    /// </summary>
    public static ByteRange ParseCopySourceRange(string? header, long objectSize)
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

    private static S3Exception NotSatisfiable(long objectLength) =>
        new(new S3Error(S3ErrorCodes.InvalidRange, "The requested range is not satisfiable")
        {
            Headers = new Dictionary<string, string> { ["Content-Range"] = $"bytes */{objectLength}" },
        });
}
