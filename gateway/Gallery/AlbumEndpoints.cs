using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/api/albums: the caller's albums and their membership.</summary>
internal static class AlbumEndpoints
{
    public sealed record AlbumBody(string? Name, string? Type, Guid? CoverMediaId = null, string? Sort = null);

    private static readonly string[] AlbumTypes = ["regular", "favorites", "shared", "smart"];

    public static void MapAlbumEndpoints(this IEndpointRouteBuilder app)
    {
        var albums = app.MapGroup("/api/albums").WithTags("Albums").RequireAuthorization();
        albums.MapPost("", CreateAsync).Accepts<AlbumBody>("application/json");
        albums.MapGet("", ListAsync);
        albums.MapGet("/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IAlbumGrain>(id).Get(context.User.UserId())).ToResult(Results.Ok));
        albums.MapPatch("/{id:guid}", UpdateAsync).Accepts<AlbumBody>("application/json");
        albums.MapDelete("/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            NoContentOr(await cluster.GetGrain<IAlbumGrain>(id).Delete(context.User.UserId())));
        albums.MapPut("/{id:guid}/media/{mediaId:guid}", async (Guid id, Guid mediaId, HttpContext context, IClusterClient cluster) =>
            NoContentOr(await cluster.GetGrain<IAlbumGrain>(id).AddMedia(context.User.UserId(), mediaId)));
        albums.MapDelete("/{id:guid}/media/{mediaId:guid}", async (Guid id, Guid mediaId, HttpContext context, IClusterClient cluster) =>
            NoContentOr(await cluster.GetGrain<IAlbumGrain>(id).RemoveMedia(context.User.UserId(), mediaId)));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await context.Request.ReadJsonAsync<AlbumBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = Validate(body, nameRequired: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var album = await cluster.GetGrain<IAlbumGrain>(Guid.NewGuid()).Create(context.User.UserId(), body.Name!.Trim(), body.Type ?? "regular");
        return Results.Created($"/api/albums/{album.Id}", album);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster, string? cursor, int? limit) =>
        GalleryProblems.Json(await cluster.GetGrain<ILibraryGrain>(context.User.UserId()).AlbumsJson(cursor, GalleryProblems.Limit(limit)));

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await context.Request.ReadJsonAsync<AlbumBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = Validate(body, nameRequired: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var change = new AlbumChange(body.Name?.Trim(), body.Type, body.CoverMediaId, body.Sort);
        return (await cluster.GetGrain<IAlbumGrain>(id).Update(context.User.UserId(), change)).ToResult(Results.Ok);
    }

    private static FieldErrors Validate(AlbumBody body, bool nameRequired)
    {
        var errors = new FieldErrors();
        if (nameRequired || body.Name is not null)
        {
            errors.Required("name", body.Name);
        }
        errors.MaxLength("name", body.Name, 200);
        if (body.Type is not null && !AlbumTypes.Contains(body.Type))
        {
            errors.Add("type", $"One of: {string.Join(", ", AlbumTypes)}.");
        }
        if (body.Sort is not null && !AlbumSorts.All.Contains(body.Sort))
        {
            errors.Add("sort", $"One of: {string.Join(", ", AlbumSorts.All)}.");
        }
        return errors;
    }

    private static IResult NoContentOr(GalleryFailure failure) => failure == GalleryFailure.None ? Results.NoContent() : failure.ToProblem();
}
