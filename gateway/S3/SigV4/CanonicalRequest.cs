using System.Text;

namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>The SigV4 canonical request of an S3 request, built from what was on the wire.</summary>
internal static class CanonicalRequest
{
    public static string Build(HttpRequest request, SigV4Authorization authorization)
    {
        var target = RequestTarget.Of(request);
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(target.Path)).Append('\n');
        builder.Append(CanonicalQuery(target.Query, authorization.IsPresigned)).Append('\n');
        foreach (var name in authorization.SignedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.Headers[name])).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', authorization.SignedHeaders)).Append('\n');
        builder.Append(authorization.PayloadHash);
        return builder.ToString();
    }

    // S3 signs the path once-encoded and unnormalized: each segment is decoded and re-encoded so clients that
    // escape more or fewer characters than the SigV4 rules still produce the form they signed.
    private static string CanonicalUri(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(segment => UriEncoding.Encode(UriEncoding.Decode(segment, plusIsSpace: false))));
    }

    // '+' decodes to a space, as ASP.NET's Request.Query reads it, so the signed value is the value the gateway acts on.
    private static string CanonicalQuery(string rawQuery, bool presigned)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = UriEncoding.Encode(UriEncoding.Decode(equals < 0 ? part : part[..equals], plusIsSpace: true));
            var value = equals < 0 ? "" : UriEncoding.Encode(UriEncoding.Decode(part[(equals + 1)..], plusIsSpace: true));
            if (!(presigned && name == "X-Amz-Signature"))
            {
                pairs.Add((name, value));
            }
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(pair => $"{pair.Name}={pair.Value}"));
    }

    private static string CanonicalHeaderValue(IEnumerable<string?> values) =>
        string.Join(',', values.Select(value => string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
}
