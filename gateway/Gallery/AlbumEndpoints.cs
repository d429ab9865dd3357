using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/api/albums: the caller's albums and their membership.</summary>
internal static class AlbumEndpoints
{
    public sealed record AlbumBody(string? Name, string? Type) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context) => ValidateAlbum(errors, Name, Type, null, nameRequired: true);
    }

    public sealed record AlbumPatchBody(string? Name, string? Type, Guid? CoverMediaId, string? Sort) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context) => ValidateAlbum(errors, Name, Type, Sort, nameRequired: false);
    }

    private static readonly string[] AlbumTypes = ["regular", "favorites", "shared", "smart"];

    public static void MapAlbumEndpoints(this IEndpointRouteBuilder app)
    {
        var albums = app.MapGroup("/api/albums").WithTags("Albums").RequireAuthorization();
        albums.MapPost("", CreateAsync).WithJsonBody<AlbumBody>();
        albums.MapGet("", ListAsync);
        albums.MapGet("/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            (await cluster.GetGrain<IAlbumGrain>(id).Get(context.User.UserId())).ToResult(Results.Ok));
        albums.MapPatch("/{id:guid}", UpdateAsync).WithJsonBody<AlbumPatchBody>();
        albums.MapDelete("/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            NoContentOr(await cluster.GetGrain<IAlbumGrain>(id).Delete(context.User.UserId())));
        albums.MapPut("/{id:guid}/media/{mediaId:guid}", async (Guid id, Guid mediaId, HttpContext context, IClusterClient cluster) =>
            NoContentOr(await cluster.GetGrain<IAlbumGrain>(id).AddMedia(context.User.UserId(), mediaId)));
        albums.MapDelete("/{id:guid}/media/{mediaId:guid}", async (Guid id, Guid mediaId, HttpContext context, IClusterClient cluster) =>
            NoContentOr(await cluster.GetGrain<IAlbumGrain>(id).RemoveMedia(context.User.UserId(), mediaId)));
    }

    private static async Task<IResult> CreateAsync(JsonBody<AlbumBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        var album = await cluster.GetGrain<IAlbumGrain>(Guid.NewGuid()).Create(context.User.UserId(), body.Name!.Trim(), body.Type ?? "regular");
        return Results.Created($"/api/albums/{album.Id}", album);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster, LibraryPageCache pages, string? cursor, int? limit)
    {
        var owner = context.User.UserId();
        var size = GalleryProblems.Limit(limit);
        var library = cluster.GetGrain<ILibraryGrain>(owner);
        return (await pages.BodyAsync(owner, (cursor, size), async held => Result<LibraryPage, GalleryFailure>.Ok(await library.AlbumsPage(cursor, size, held))))
            .ToResult(GalleryProblems.Json);
    }

    private static async Task<IResult> UpdateAsync(Guid id, JsonBody<AlbumPatchBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        var change = new AlbumChange(body.Name?.Trim(), body.Type, body.CoverMediaId, body.Sort);
        return (await cluster.GetGrain<IAlbumGrain>(id).Update(context.User.UserId(), change)).ToResult(Results.Ok);
    }

    private static void ValidateAlbum(FieldErrors errors, string? name, string? type, string? sort, bool nameRequired)
    {
        if (nameRequired || name is not null)
        {
            errors.Required("name", name);
        }
        errors.MaxLength("name", name, 200);
        if (type is not null && !AlbumTypes.Contains(type))
        {
            errors.Add("type", $"One of: {string.Join(", ", AlbumTypes)}.");
        }
        if (sort is not null && !AlbumSorts.All.Contains(sort))
        {
            errors.Add("sort", $"One of: {string.Join(", ", AlbumSorts.All)}.");
        }
    }

    private static IResult NoContentOr(GalleryFailure failure) => failure == GalleryFailure.None ? Results.NoContent() : failure.ToProblem();
}
