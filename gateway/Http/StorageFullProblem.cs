using GalleryOrleans.Abstractions.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace GalleryOrleans.Gateway.Http;

/// <summary>An API request that ran out of disk answers 507 with a title that says so, not a bare 500.</summary>
internal static class StorageFullProblem
{
    public static void AddStorageFullProblem(this IServiceCollection services)
    {
        services.Configure<ExceptionHandlerOptions>(handler =>
            handler.StatusCodeSelector = error => error is StorageFullException ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status500InternalServerError);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            if (context.Exception is StorageFullException full)
            {
                context.ProblemDetails.Title = "Insufficient storage";
                context.ProblemDetails.Detail = full.Message;
            }
        });
    }
}
