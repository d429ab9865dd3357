using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Gallery;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Similarity;

/// <summary>/api/similar: near-duplicate detection over the caller's photos, run in the background.</summary>
internal static class SimilarityEndpoints
{
    // Hamming distance in bits out of 64 (see grains/Similarity/NearDuplicateRule).
    private const int DefaultThreshold = 7;
    private const int MaxThreshold = 12;

    public sealed record DetectBody(int? Threshold);

    public sealed record ResolveBody(Guid[]? Keep);

    public static void MapSimilarityEndpoints(this IEndpointRouteBuilder app)
    {
        var similar = app.MapGroup("/api/similar").WithTags("Similar photos").RequireAuthorization();
        similar.MapPost("/detect", DetectAsync).Accepts<DetectBody>("application/json");
        similar.MapGet("/status", async (HttpContext context, IClusterClient cluster) =>
            Results.Ok(await Grain(context, cluster).Status()));
        similar.MapGet("/groups", async (HttpContext context, IClusterClient cluster, string? cursor, int? limit) =>
            Results.Ok(await Grain(context, cluster).Groups(cursor, GalleryProblems.Limit(limit))));
        similar.MapDelete("/groups/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            await Grain(context, cluster).Dismiss(id) ? Results.NoContent() : Problems.NotFound());
        similar.MapPost("/groups/{id:guid}/resolve", ResolveAsync).Accepts<ResolveBody>("application/json");
    }

    private static async Task<IResult> ResolveAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await context.Request.ReadJsonAsync<ResolveBody>();
        if (body is null)
        {
            return problem!;
        }
        if (MediaIdList.Problem("keep", body.Keep) is { } invalid)
        {
            return invalid;
        }
        var resolved = await Grain(context, cluster).Resolve(id, body.Keep!);
        return resolved.Succeeded ? Results.NoContent()
            : resolved.Failure == GalleryFailure.Invalid ? Problems.Validation("keep", resolved.Detail!)
            : resolved.Failure.ToProblem();
    }

    private static async Task<IResult> DetectAsync(HttpContext context, IClusterClient cluster)
    {
        var threshold = DefaultThreshold;
        if (context.Request.ContentLength is > 0 || context.Request.HasJsonContentType())
        {
            var (body, problem) = await context.Request.ReadJsonAsync<DetectBody>();
            if (body is null)
            {
                return problem!;
            }
            if (body.Threshold is < 0 or > MaxThreshold)
            {
                return Problems.Validation("threshold", $"Bits out of 64, from 0 to {MaxThreshold}.");
            }
            threshold = body.Threshold ?? DefaultThreshold;
        }
        var status = await Grain(context, cluster).Detect(threshold);
        return Results.Accepted("/api/similar/status", status);
    }

    private static ISimilarityGrain Grain(HttpContext context, IClusterClient cluster) =>
        cluster.GetGrain<ISimilarityGrain>(context.User.UserId());
}
