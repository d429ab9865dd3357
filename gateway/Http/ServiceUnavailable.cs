using GalleryOrleans.Abstractions.Failures;
using Microsoft.AspNetCore.Diagnostics;

namespace GalleryOrleans.Gateway.Http;

/// <summary>
/// A request that failed because the database or the cluster does not answer for now is answered 503 with
/// Retry-After (problem details on the API, S3's ServiceUnavailable on the S3 port), not 500: it is not a bug, and
/// the same request will succeed once they are back. (Reads met by a passing cluster failure are first tried once
/// more: <see cref="ClusterRetry"/>.)
/// </summary>
internal static class ServiceUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception error) => error switch
    {
        CatalogUnavailableException or TimeoutException => true,
        _ when ClusterFailures.IsTransient(error) => true,
        _ => error.InnerException is { } inner && Is(inner),
    };

    public static void AddServiceUnavailableProblem(this IServiceCollection services)
    {
        services.Configure<ExceptionHandlerOptions>(handler =>
        {
            var others = handler.StatusCodeSelector;
            handler.StatusCodeSelector = error => Is(error) ? StatusCodes.Status503ServiceUnavailable
                : others?.Invoke(error) ?? StatusCodes.Status500InternalServerError;
        });
        services.Configure<ProblemDetailsOptions>(problems =>
        {
            var others = problems.CustomizeProblemDetails;
            problems.CustomizeProblemDetails = context =>
            {
                others?.Invoke(context);
                if (context.Exception is { } error && Is(error))
                {
                    context.ProblemDetails.Title = "Service unavailable";
                    context.ProblemDetails.Detail = "The database or the cluster does not answer. Try again shortly.";
                    context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
                }
            };
        });
    }
}
