using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/api/trash: what the caller deleted, to restore or delete for good.</summary>
internal static class TrashEndpoints
{
    public sealed record RestoreBody(Guid[]? Ids) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context) => MediaIdList.Validate(errors, "ids", Ids);
    }

    public static void MapTrashEndpoints(this IEndpointRouteBuilder app)
    {
        var trash = app.MapGroup("/api/trash").WithTags("Trash").RequireAuthorization();
        trash.MapGet("", async (HttpContext context, IClusterClient cluster, string? cursor, int? limit) =>
            Results.Ok(await Trash(context, cluster).List(cursor, GalleryProblems.Limit(limit))));
        trash.MapPost("/restore", RestoreAsync).WithJsonBody<RestoreBody>();
        trash.MapDelete("", async (HttpContext context, IClusterClient cluster) =>
        {
            await Trash(context, cluster).Empty();
            return Results.NoContent();
        });
        trash.MapGet("/{id:guid}/thumbnail", async (Guid id, int? size, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IMediaGrain>(id).TrashedThumbnail(context.User.UserId(), size ?? 256))
                .ToResult(c => new MediaContentResponse(c, cluster)));
    }

    private static async Task<IResult> RestoreAsync(JsonBody<RestoreBody> json, HttpContext context, IClusterClient cluster)
    {
        return await Trash(context, cluster).Restore(json.Value.Ids!) is var failure && failure == GalleryFailure.None
            ? Results.NoContent()
            : failure.ToProblem();
    }

    private static ITrashGrain Trash(HttpContext context, IClusterClient cluster) => cluster.GetGrain<ITrashGrain>(context.User.UserId());
}
