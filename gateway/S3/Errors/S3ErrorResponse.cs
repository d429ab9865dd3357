using GalleryOrleans.Gateway.S3.Xml;

namespace GalleryOrleans.Gateway.S3.Errors;

/// <summary>Writes an <see cref="S3Error"/> to the HTTP response the way S3 does.</summary>
public static class S3ErrorResponse
{
    public static async Task WriteAsync(HttpContext context, S3Error error, string requestId, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = error.StatusCode;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers[name] = value;
        }

        // HEAD answers carry the status only; S3 tools read the code from it.
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var body = S3Xml.Error(error, context.Request.Path.Value ?? "/", requestId);
        response.ContentType = "application/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}
