using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/api/timeline: the shape of the taken-order library, so a client can draw a scrubber before loading it.</summary>
internal static class TimelineEndpoints
{
    public static void MapTimelineEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/timeline").WithTags("Media").RequireAuthorization()
            .MapGet("/buckets", async (HttpContext context, IClusterClient cluster, Guid? albumId, bool? favorite) =>
                (await cluster.GetGrain<IGalleryQueryGrain>(0).TimelineBuckets(context.User.UserId(), albumId, favorite == true))
                    .ToResult(buckets => Results.Ok(new { items = buckets })));
}
