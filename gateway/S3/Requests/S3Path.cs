using System.Text;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.SigV4;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>
/// Bucket and key of a path-style S3 request (<c>/bucket/key</c>), decoded from the raw request target so the
/// key is byte-for-byte what the client signed: <c>%2F</c>, <c>+</c>, <c>//</c> and dot segments are kept as sent.
/// </summary>
public sealed record S3Path(string? Bucket, string? Key)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static S3Path Parse(HttpRequest request)
    {
        var path = RequestTarget.Of(request).Path.TrimStart('/');
        if (path.Length == 0)
        {
            return new S3Path(null, null);
        }

        var slash = path.IndexOf('/');
        if (slash < 0)
        {
            return new S3Path(Decode(path), null);
        }

        var key = path[(slash + 1)..];
        return new S3Path(Decode(path[..slash]), key.Length == 0 ? null : Decode(key));
    }

    private static string Decode(string segment)
    {
        try
        {
            return StrictUtf8.GetString(UriEncoding.Decode(segment, plusIsSpace: false));
        }
        catch (DecoderFallbackException e)
        {
            throw new S3Exception(S3ErrorCodes.InvalidUri, "Couldn't parse the specified URI.", e);
        }
    }
}
