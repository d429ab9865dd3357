using System.Globalization;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Http;
using GalleryOrleans.Gateway.WebUi;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/s/{token}: what a link holder can see, with an access code when the owner set one.</summary>
internal static class PublicShareEndpoints
{
    public const string SessionHeader = "X-Share-Session";
    public const string SessionCookie = "share_session";

    public sealed record UnlockBody(string? Code) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            if (string.IsNullOrEmpty(Code) || Code.Length > 64)
            {
                errors.Add("code", "Required, at most 64 characters.");
            }
        }
    }

    public static void MapPublicShareEndpoints(this IEndpointRouteBuilder app)
    {
        var shares = app.MapGroup("/s/{token}").WithTags("Sharing");
        shares.MapGet("", OpenAsync);
        shares.MapPost("/unlock", UnlockAsync).WithJsonBody<UnlockBody>();
        shares.MapGet("/media/{mediaId:guid}/content", (string token, Guid mediaId, HttpContext context, IClusterClient cluster) =>
            ContentAsync(token, mediaId, null, context, cluster));
        shares.MapGet("/media/{mediaId:guid}/thumbnail", (string token, Guid mediaId, int? size, HttpContext context, IClusterClient cluster) =>
            ContentAsync(token, mediaId, size ?? 256, context, cluster));
        shares.MapGet("/download", DownloadAsync).Produces(StatusCodes.Status200OK, contentType: "application/zip");
        shares.MapGet("/media/{mediaId:guid}/playback", (string token, Guid mediaId, HttpContext context, IClusterClient cluster) =>
            ServeAsync(token, context, cluster, share => share.Playback(Session(context), mediaId)));
    }

    private static async Task<IResult> OpenAsync(string token, HttpContext context, IClusterClient cluster, string? cursor, int? limit)
    {
        // The link the API hands out is this route; a person who opens it in a browser gets the share page.
        if (WebUiEndpoints.IsPageNavigation(context.Request))
        {
            return Results.Redirect(WebUiEndpoints.SharePagePath(token));
        }
        if (!ShareTokens.IsWellFormed(token))
        {
            return Problems.NotFound();
        }
        var shared = await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)).Open(Session(context), cursor, GalleryProblems.Limit(limit));
        if (shared.Access != ShareAccess.Granted)
        {
            return Refusal(shared.Access);
        }
        return Results.Ok(new
        {
            share = new { kind = shared.Kind, expiresAt = shared.ExpiresAt, hasCode = shared.HasCode },
            album = shared.Album,
            items = shared.Items!.Items,
            nextCursor = shared.Items.NextCursor,
        });
    }

    private static async Task<IResult> UnlockAsync(string token, JsonBody<UnlockBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        if (!ShareTokens.IsWellFormed(token))
        {
            return Problems.NotFound();
        }
        var client = ClientAddress.Key(context);
        var session = await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)).Unlock(body.Code!, client, Session(context));
        switch (session.Access)
        {
            case ShareAccess.Granted when session.Session is { } issued:
                context.Response.Cookies.Append(SessionCookie, issued, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Strict,
                    Path = $"/s/{token}",
                    Expires = session.ExpiresAt,
                });
                return Results.Ok(new { shareSession = issued, expiresAt = session.ExpiresAt });
            case ShareAccess.Granted:
                return Problems.Validation("code", "This link has no access code.");
            case ShareAccess.WrongCode:
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong access code");
            case ShareAccess.LockedOut:
                var seconds = Math.Max(1, (int)Math.Ceiling(session.RetryAfter!.Value.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong codes",
                    detail: $"Try again in {seconds} seconds.");
            default:
                return Refusal(session.Access);
        }
    }

    /// <summary>"Download all": the link's files as one ZIP, streamed (see <see cref="IShareGrain.Files"/>).</summary>
    private static async Task<IResult> DownloadAsync(string token, HttpContext context, IClusterClient cluster)
    {
        if (!ShareTokens.IsWellFormed(token))
        {
            return Problems.NotFound();
        }
        var shared = await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)).Files(Session(context), MediaDownloadEndpoint.MaxItems);
        if (shared.Access != ShareAccess.Granted)
        {
            return Refusal(shared.Access);
        }
        if (shared.Files is not { } files)
        {
            return Problems.Validation("token", $"This link holds more than {MediaDownloadEndpoint.MaxItems} files; download them one by one.");
        }
        return new ZipDownload([.. files], new ZipEntryNames().Next($"{shared.Title}.zip"), cluster);
    }

    private static Task<IResult> ContentAsync(string token, Guid mediaId, int? thumbnailSize, HttpContext context, IClusterClient cluster) =>
        ServeAsync(token, context, cluster, share => share.Content(Session(context), mediaId, thumbnailSize));

    private static async Task<IResult> ServeAsync(string token, HttpContext context, IClusterClient cluster, Func<IShareGrain, Task<SharedMediaContent>> read)
    {
        if (!ShareTokens.IsWellFormed(token))
        {
            return Problems.NotFound();
        }
        var content = await read(cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)));
        return content.Access == ShareAccess.Granted ? new MediaContentResponse(content.Content!, cluster) : Refusal(content.Access);
    }

    private static string? Session(HttpContext context) =>
        context.Request.Headers[SessionHeader].FirstOrDefault() ?? context.Request.Cookies[SessionCookie];

    private static IResult Refusal(ShareAccess access) => access switch
    {
        ShareAccess.Expired => Results.Problem(statusCode: StatusCodes.Status410Gone, title: "This link has expired"),
        ShareAccess.OriginalNotIncluded => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Original file not included",
            detail: "This link does not include original files, and this file's metadata cannot be removed."),
        ShareAccess.CodeRequired => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Access code required",
            extensions: new Dictionary<string, object?> { ["codeRequired"] = true }),
        ShareAccess.NotReady => GalleryFailure.NotReady.ToProblem("The video is not ready to play yet."),
        _ => Problems.NotFound(),
    };
}
