using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// GET /api/media/{id}/stream-url gives the owner a signed address of the video's playback; GET /api/media/{id}/stream
/// serves it with Range to whoever holds that address until it expires (public: the signature is the credential).
/// </summary>
internal static class MediaStreamEndpoints
{
    public static void MapMediaStream(this RouteGroupBuilder media)
    {
        media.MapGet("/{id:guid}/stream-url", async (Guid id, HttpContext context, IClusterClient cluster, StreamSignatures signatures) =>
        {
            var user = context.User.UserId();
            var found = await cluster.GetGrain<IMediaGrain>(id).Get(user);
            if (!found.Succeeded)
            {
                return found.Failure.ToProblem();
            }
            var (query, expiresAt) = signatures.Issue(id, user);
            return Results.Ok(new { url = $"/api/media/{id}/stream?{query}", expiresAt });
        });
        media.MapGet("/{id:guid}/stream", async (Guid id, Guid? user, long? expires, string? signature, IClusterClient cluster, StreamSignatures signatures) =>
            user is { } owner && expires is { } expiry && signatures.IsValid(id, owner, expiry, signature)
                ? (await cluster.GetGrain<IMediaGrain>(id).Playback(owner)).ToResult(content => new MediaContentResponse(content, cluster))
                : Problems.Forbidden("This address is not valid or has expired."))
            .AllowAnonymous();
    }
}
