using Microsoft.AspNetCore.Http.Features;

namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>
/// The path and query exactly as the client sent them. SigV4 for S3 signs the path without normalization,
/// and ASP.NET's <see cref="HttpRequest.Path"/> is already decoded and dot-segment normalized.
/// </summary>
internal readonly record struct RequestTarget(string Path, string Query)
{
    public static RequestTarget Of(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return new RequestTarget(
                (request.PathBase + request.Path).ToUriComponent(),
                request.QueryString.HasValue ? request.QueryString.Value![1..] : "");
        }

        if (!raw.StartsWith('/'))
        {
            // Absolute-form target (http://host/path?query), as proxies send.
            var scheme = raw.IndexOf("://", StringComparison.Ordinal);
            var pathStart = scheme < 0 ? -1 : raw.IndexOfAny(['/', '?'], scheme + 3);
            raw = pathStart < 0 ? "/" : raw[pathStart] == '?' ? "/" + raw[pathStart..] : raw[pathStart..];
        }

        var question = raw.IndexOf('?');
        return question < 0 ? new RequestTarget(raw, "") : new RequestTarget(raw[..question], raw[(question + 1)..]);
    }
}
