using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>GetObject's <c>response-*</c> query parameters, which replace the stored headers in one answer.</summary>
public static class ResponseOverrides
{
    private static readonly (string Query, string Header)[] Overrides =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"),
        ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ];

    public static void Apply(IQueryCollection query, HttpResponse response)
    {
        foreach (var (name, header) in Overrides)
        {
            if (query.TryGetValue(name, out var value) && value.Count > 0)
            {
                var text = value.ToString();
                if (text.Any(c => c is < ' ' or > '~'))
                {
                    // A header value cannot carry control or non-ASCII characters; S3 refuses them too.
                    throw new S3Exception(S3ErrorCodes.InvalidArgument, $"The value of {name} holds characters a header cannot carry.");
                }
                response.Headers[header] = text;
            }
        }
    }
}
