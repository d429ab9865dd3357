namespace GalleryOrleans.Gateway.S3;

/// <summary>
/// Everything that arrives on the S3 port. Until the object store lands, each request gets S3's own
/// NotImplemented error document, so S3 tools see a well-formed answer.
/// </summary>
internal static class S3Listener
{
    public static void UseS3Listener(this IApplicationBuilder app, int s3Port)
    {
        app.MapWhen(context => context.Connection.LocalPort == s3Port, s3 => s3.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NotImplemented</Code>" +
                "<Message>The S3 API is not available yet.</Message></Error>");
        }));
    }
}
