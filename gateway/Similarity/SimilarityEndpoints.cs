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

    public sealed record DetectBody(int? Threshold) : IRequestBody
    {
        public static bool Optional => true;

        public void Validate(FieldErrors errors, HttpContext context)
        {
            if (Threshold is < 0 or > MaxThreshold)
            {
                errors.Add("threshold", $"Bits out of 64, from 0 to {MaxThreshold}.");
            }
        }
    }

    public sealed record ResolveBody(Guid[]? Keep) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context) => MediaIdList.Validate(errors, "keep", Keep);
    }

    public static void MapSimilarityEndpoints(this IEndpointRouteBuilder app)
    {
        var similar = app.MapGroup("/api/similar").WithTags("Similar photos").RequireAuthorization();
        similar.MapPost("/detect", DetectAsync).WithJsonBody<DetectBody>();
        similar.MapGet("/status", async (HttpContext context, IClusterClient cluster) =>
            Results.Ok(await Grain(context, cluster).Status()));
        similar.MapGet("/groups", async (HttpContext context, IClusterClient cluster, string? cursor, int? limit) =>
            Results.Ok(await Grain(context, cluster).Groups(cursor, GalleryProblems.Limit(limit))));
        similar.MapDelete("/groups/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            await Grain(context, cluster).Dismiss(id) ? Results.NoContent() : Problems.NotFound());
        similar.MapPost("/groups/{id:guid}/resolve", ResolveAsync).WithJsonBody<ResolveBody>();
    }

    private static async Task<IResult> ResolveAsync(Guid id, JsonBody<ResolveBody> json, HttpContext context, IClusterClient cluster)
    {
        var resolved = await Grain(context, cluster).Resolve(id, json.Value.Keep!);
        return resolved.Succeeded ? Results.NoContent()
            : resolved.Failure == GalleryFailure.Invalid ? Problems.Validation("keep", resolved.Detail!)
            : resolved.Failure.ToProblem();
    }

    private static async Task<IResult> DetectAsync(JsonBody<DetectBody> json, HttpContext context, IClusterClient cluster)
    {
        var status = await Grain(context, cluster).Detect(json.Value.Threshold ?? DefaultThreshold);
        return Results.Accepted("/api/similar/status", status);
    }

    private static ISimilarityGrain Grain(HttpContext context, IClusterClient cluster) =>
        cluster.GetGrain<ISimilarityGrain>(context.User.UserId());
}
