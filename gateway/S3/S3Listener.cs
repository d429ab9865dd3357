using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.Http;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Operations;
using GalleryOrleans.Gateway.S3.SigV4;
using Microsoft.AspNetCore.Http.Features;

namespace GalleryOrleans.Gateway.S3;

/// <summary>
/// Everything that arrives on the S3 port: S3's own protocol, answered with S3 XML errors, never with
/// problem details or HTML.
/// </summary>
internal static class S3Listener
{
    public static void AddS3Listener(this IServiceCollection services)
    {
        services.AddSingleton(provider => new SigV4Verifier(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<S3Dispatcher>();
    }

    public static void UseS3Listener(this IApplicationBuilder app, int s3Port)
    {
        app.MapWhen(context => context.Connection.LocalPort == s3Port, s3 => s3.Run(async context =>
        {
            var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
            // Object bodies can be far larger than Kestrel's default cap; S3's own limits apply instead.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }
            try
            {
                var dispatcher = context.RequestServices.GetRequiredService<S3Dispatcher>();
                await ClusterRetry.RunAsync(context, () =>
                {
                    context.Response.Headers["x-amz-request-id"] = requestId;
                    return dispatcher.HandleAsync(context);
                });
            }
            catch (Exception error) when (!context.Response.HasStarted && AnswerFor(error) is { } answer)
            {
                await WriteErrorAsync(context, answer, requestId);
            }
            catch (Exception error) when (error is not OperationCanceledException && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILogger<S3Dispatcher>>().LogError(error, "S3 request {RequestId} failed", requestId);
                await WriteErrorAsync(context, new S3Error(S3ErrorCodes.InternalError, "We encountered an internal error. Please try again."), requestId);
            }
        }));
    }

    /// <summary>The S3 error for a failure the client should hear about as itself; null for a bug, which is logged.</summary>
    private static S3Error? AnswerFor(Exception error) => error switch
    {
        S3Exception s3 => s3.Error,
        StorageFullException full => new S3Error(S3ErrorCodes.StorageFull, full.Message),
        _ when ServiceUnavailable.Is(error) => new S3Error(S3ErrorCodes.ServiceUnavailable, "Please reduce your request rate.")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = ServiceUnavailable.RetryAfterSeconds.ToString() },
        },
        BadHttpRequestException => new S3Error(S3ErrorCodes.IncompleteBody,
            "You did not provide the number of bytes specified by the Content-Length HTTP header."),
        _ => null,
    };

    private static Task WriteErrorAsync(HttpContext context, S3Error error, string requestId)
    {
        context.Response.Clear();
        context.Response.Headers["x-amz-request-id"] = requestId;
        // A client that sent Expect: 100-continue and hears an error instead may never send the body it announced;
        // keeping the connection would read its next request as that body.
        if (context.Request.Headers.Expect.Any(value => value?.Contains("100-continue", StringComparison.OrdinalIgnoreCase) == true))
        {
            context.Response.Headers.Connection = "close";
        }
        return S3ErrorResponse.WriteAsync(context, error, requestId, context.RequestAborted);
    }
}
