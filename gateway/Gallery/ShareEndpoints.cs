using System.Text.Json;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/api/shares: the owner's share links.</summary>
internal static class ShareEndpoints
{
    public sealed record NewShareBody(Guid? AlbumId, Guid? MediaId, DateTime? ExpiresAt, string? AccessCode, string? RecipientName, bool? IncludeOriginals);

    public static void MapShareEndpoints(this IEndpointRouteBuilder app)
    {
        var shares = app.MapGroup("/api/shares").WithTags("Sharing").RequireAuthorization();
        shares.MapPost("", CreateAsync).Accepts<NewShareBody>("application/json");
        shares.MapGet("", async (HttpContext context, IClusterClient cluster, Guid? albumId, Guid? mediaId, string? cursor, int? limit) =>
            Results.Ok(await cluster.GetGrain<IGalleryQueryGrain>(0).ListShares(context.User.UserId(), albumId, mediaId, cursor, GalleryProblems.Limit(limit))));
        shares.MapPatch("/{token}", UpdateAsync);
        shares.MapDelete("/{token}", async (string token, HttpContext context, IClusterClient cluster) =>
            ShareTokens.IsWellFormed(token) && await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)).Revoke(context.User.UserId()) == GalleryFailure.None
                ? Results.NoContent()
                : Problems.NotFound());
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var (body, problem) = await context.Request.ReadJsonAsync<NewShareBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        if ((body.AlbumId is null) == (body.MediaId is null))
        {
            errors.Add("albumId", "Give exactly one of albumId and mediaId.");
        }
        ValidateExpiry(errors, body.ExpiresAt, clock);
        ValidateCode(errors, body.AccessCode);
        errors.MaxLength("recipientName", body.RecipientName, 100);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var token = ShareTokens.New();
        var created = await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)).Create(context.User.UserId(), token,
            new NewShare(body.AlbumId, body.MediaId, body.ExpiresAt?.ToUniversalTime(), body.AccessCode, body.RecipientName, body.IncludeOriginals ?? false));
        return created.ToResult(share => Results.Created($"/api/shares/{share.Token}", share));
    }

    private static async Task<IResult> UpdateAsync(string token, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var (body, problem) = await context.Request.ReadJsonAsync<JsonDocument>();
        using var document = body;
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } patch)
        {
            return problem ?? Problems.Validation("body", "The body must be a JSON object.");
        }
        var errors = new FieldErrors();
        var clearExpiry = patch.TryGetProperty("expiresAt", out var expiry) && expiry.ValueKind == JsonValueKind.Null;
        DateTime? expiresAt = null;
        if (expiry.ValueKind == JsonValueKind.String && expiry.TryGetDateTime(out var parsed))
        {
            expiresAt = parsed.ToUniversalTime();
            ValidateExpiry(errors, expiresAt, clock);
        }
        else if (expiry.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors.Add("expiresAt", "An ISO-8601 time, or null to remove the expiry.");
        }
        var removeCode = patch.TryGetProperty("accessCode", out var code) && code.ValueKind == JsonValueKind.Null;
        var newCode = code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        if (code.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            errors.Add("accessCode", "A string, or null to remove the code.");
        }
        ValidateCode(errors, newCode);
        var includeOriginals = patch.TryGetProperty("includeOriginals", out var originals) && originals.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? originals.GetBoolean()
            : (bool?)null;
        if (originals.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("includeOriginals", "true or false.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (!ShareTokens.IsWellFormed(token))
        {
            return Problems.NotFound();
        }
        var updated = await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token))
            .Update(context.User.UserId(), new ShareChange(expiresAt, clearExpiry, newCode, removeCode, includeOriginals));
        return updated.ToResult(Results.Ok);
    }

    private static void ValidateExpiry(FieldErrors errors, DateTime? expiresAt, TimeProvider clock)
    {
        if (expiresAt is { } expiry && expiry.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime)
        {
            errors.Add("expiresAt", "Must be in the future.");
        }
    }

    private static void ValidateCode(FieldErrors errors, string? code)
    {
        if (code is not null && code.Length is < 6 or > 64)
        {
            errors.Add("accessCode", "6 to 64 characters.");
        }
    }
}
