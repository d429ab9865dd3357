using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GalleryOrleans.Tests.S3;

/// <summary>Builds requests the way Kestrel presents them, raw target included.</summary>
internal static class TestRequests
{
    public static HttpRequest Create(string method, string rawTarget, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body = null) =>
        Create(method, rawTarget, headers, body is null ? null : new MemoryStream(body));

    public static HttpRequest Create(string method, string rawTarget, IEnumerable<KeyValuePair<string, string>> headers, Stream? body)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        var target = rawTarget.StartsWith('/') ? rawTarget : new Uri(rawTarget).PathAndQuery;
        var question = target.IndexOf('?');
        request.Path = PathString.FromUriComponent(question < 0 ? target : target[..question]);
        request.QueryString = new QueryString(question < 0 ? "" : target[question..]);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        foreach (var (name, value) in headers)
        {
            request.Headers.Append(name, value);
        }

        if (body is not null)
        {
            request.Body = body;
        }

        return request;
    }
}
