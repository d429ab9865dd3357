using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>/api/auth/keys: the user's S3 credentials. The secret is shown once, at creation.</summary>
internal static class AccessKeyEndpoints
{
    public sealed record NewKeyBody(string? Name);

    public static void MapAccessKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/auth/keys").WithTags("Auth").RequireAuthorization();
        keys.MapPost("", CreateAsync).Accepts<NewKeyBody>("application/json");
        keys.MapGet("", ListAsync);
        keys.MapDelete("/{accessKeyId}", RevokeAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IClusterClient cluster)
    {
        var name = default(string);
        if (context.Request.ContentLength is > 0 || context.Request.HasJsonContentType())
        {
            var (body, problem) = await context.Request.ReadJsonAsync<NewKeyBody>();
            if (body is null)
            {
                return problem!;
            }
            name = body.Name;
        }
        var errors = new FieldErrors();
        errors.MaxLength("name", name, 100);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var result = await cluster.GetGrain<IUserGrain>(context.User.UserId()).CreateAccessKey(name);
        return result.Succeeded
            ? Results.Created($"/api/auth/keys/{result.Value!.AccessKeyId}", result.Value)
            : Problems.Conflict("Too many access keys", "Revoke an access key before creating another.");
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster)
    {
        var keys = await cluster.GetGrain<IUserGrain>(context.User.UserId()).ListAccessKeys();
        return Results.Ok(new { items = keys, nextCursor = (string?)null });
    }

    private static async Task<IResult> RevokeAsync(string accessKeyId, HttpContext context, IClusterClient cluster) =>
        await cluster.GetGrain<IUserGrain>(context.User.UserId()).RevokeAccessKey(accessKeyId)
            ? Results.NoContent()
            : Problems.NotFound("No such access key");
}
