using GalleryOrleans.Abstractions.Auth;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>/api/auth/sessions: where the user is signed in, and signing out everywhere.</summary>
internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/auth/sessions").WithTags("Auth").RequireAuthorization();
        sessions.MapGet("", ListAsync);
        sessions.MapDelete("", EndAllAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster)
    {
        var sessions = await cluster.GetGrain<IUserGrain>(context.User.UserId()).ListSessions(context.User.SessionId());
        return Results.Ok(new { items = sessions, nextCursor = (string?)null });
    }

    private static async Task<IResult> EndAllAsync(HttpContext context, IClusterClient cluster)
    {
        await cluster.GetGrain<IUserGrain>(context.User.UserId()).EndAllSessions();
        return Results.NoContent();
    }
}
