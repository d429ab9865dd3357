namespace GalleryOrleans.Gateway.Http;

/// <summary>
/// HEAD is answered wherever GET is (RFC 9110 asks it of every server): before routing, a HEAD request becomes a
/// GET whose body goes nowhere, so it gets GET's status and headers (Content-Length included) without each route
/// mapping HEAD too. Handlers that would read large bodies from storage ask <see cref="IsHead"/> first.
/// </summary>
internal static class HeadRequests
{
    private static readonly object Marker = new();

    public static void UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Items[Marker] = true;
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
    });

    public static bool IsHead(this HttpContext context) => context.Items.ContainsKey(Marker);
}
