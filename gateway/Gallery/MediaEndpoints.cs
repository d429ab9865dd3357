using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/api/media: the caller's library.</summary>
internal static class MediaEndpoints
{
    public sealed record MediaPatchBody(string? Name, bool? IsFavorite) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            if (Name is not null)
            {
                errors.Required("name", Name);
                errors.MaxLength("name", Name, 255);
            }
        }
    }

    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/media").WithTags("Media").RequireAuthorization();
        media.MapMediaUpload();
        media.MapGet("", ListAsync);
        media.MapMediaDownload();
        media.MapMediaStream();
        media.MapGet("/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IMediaGrain>(id).Get(context.User.UserId())).ToResult(Results.Ok));
        media.MapPatch("/{id:guid}", UpdateAsync).WithJsonBody<MediaPatchBody>();
        media.MapDelete("/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            await cluster.GetGrain<IMediaGrain>(id).Delete(context.User.UserId()) is var failure && failure == GalleryFailure.None
                ? Results.NoContent()
                : failure.ToProblem());
        media.MapGet("/{id:guid}/content", async (Guid id, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IMediaGrain>(id).Original(context.User.UserId())).ToResult(c => new MediaContentResponse(c, cluster)));
        media.MapGet("/{id:guid}/thumbnail", async (Guid id, int? size, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IMediaGrain>(id).Thumbnail(context.User.UserId(), size ?? 256)).ToResult(c => new MediaContentResponse(c, cluster)));
        media.MapGet("/{id:guid}/playback", async (Guid id, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IMediaGrain>(id).Playback(context.User.UserId())).ToResult(c => new MediaContentResponse(c, cluster)));
        media.MapGet("/{id:guid}/motion", async (Guid id, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IMediaGrain>(id).MotionOriginal(context.User.UserId())).ToResult(c => new MediaContentResponse(c, cluster)));
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, IClusterClient cluster, LibraryPageCache pages, Guid? albumId, bool? favorite, string? order, string? from, string? to, string? cursor, int? limit)
    {
        var errors = new FieldErrors();
        MediaOrder? sort = order switch
        {
            null or "uploaded" => MediaOrder.Uploaded,
            AlbumSorts.TakenNewestFirst => MediaOrder.Taken,
            AlbumSorts.TakenOldestFirst => MediaOrder.TakenAscending,
            AlbumSorts.Added when albumId is not null => MediaOrder.Added,
            _ => null,
        };
        if (sort is null)
        {
            errors.Add("order", "Use 'uploaded', 'taken' or 'taken-asc', or with albumId also 'added'.");
        }
        var takenFrom = SearchEndpoints.Day(errors, "from", from);
        var takenTo = SearchEndpoints.Day(errors, "to", to);
        if ((takenFrom ?? takenTo) is not null && sort is not (MediaOrder.Taken or MediaOrder.TakenAscending))
        {
            errors.Add("order", "'from' and 'to' go with order 'taken' or 'taken-asc'.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var query = new MediaQuery(albumId, favorite == true, cursor, GalleryProblems.Limit(limit), sort!.Value, takenFrom, takenTo?.AddDays(1));
        var owner = context.User.UserId();
        var library = cluster.GetGrain<ILibraryGrain>(owner);
        return (await pages.BodyAsync(owner, query, held => library.MediaPage(query, held))).ToResult(GalleryProblems.Json);
    }

    private static async Task<IResult> UpdateAsync(Guid id, JsonBody<MediaPatchBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        return (await cluster.GetGrain<IMediaGrain>(id).Update(context.User.UserId(), body.Name?.Trim(), body.IsFavorite)).ToResult(Results.Ok);
    }
}
