using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>/api/auth/keys: the user's S3 credentials. The secret is shown once, at creation.</summary>
internal static class AccessKeyEndpoints
{
    public sealed record NewKeyBody(string? Name) : IRequestBody
    {
        public static bool Optional => true;

        public void Validate(FieldErrors errors, HttpContext context) => errors.MaxLength("name", Name, 100);
    }

    public static void MapAccessKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/auth/keys").WithTags("Auth").RequireAuthorization();
        keys.MapPost("", CreateAsync).WithJsonBody<NewKeyBody>();
        keys.MapGet("", ListAsync);
        keys.MapDelete("/{accessKeyId}", RevokeAsync);
    }

    private static async Task<IResult> CreateAsync(JsonBody<NewKeyBody> json, HttpContext context, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IUserGrain>(context.User.UserId()).CreateAccessKey(json.Value.Name);
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
