using System.Text.Json;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>/api/shares: the owner's share links.</summary>
internal static class ShareEndpoints
{
    public sealed record NewShareBody(Guid? AlbumId, Guid? MediaId, DateTime? ExpiresAt, string? AccessCode, string? RecipientName, bool? IncludeOriginals)
        : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            if ((AlbumId is null) == (MediaId is null))
            {
                errors.Add("albumId", "Give exactly one of albumId and mediaId.");
            }
            ValidateExpiry(errors, ExpiresAt, context);
            ValidateCode(errors, AccessCode);
            errors.MaxLength("recipientName", RecipientName, 100);
        }
    }

    /// <summary>A change to a share: a field left out stays, null removes the expiry or the code.</summary>
    public sealed record SharePatchBody(JsonElement ExpiresAt, JsonElement AccessCode, JsonElement IncludeOriginals) : IRequestBody
    {
        public DateTime? NewExpiry => ExpiresAt.ValueKind == JsonValueKind.String && ExpiresAt.TryGetDateTime(out var parsed) ? parsed.ToUniversalTime() : null;

        public bool ClearExpiry => ExpiresAt.ValueKind == JsonValueKind.Null;

        public string? NewCode => AccessCode.ValueKind == JsonValueKind.String ? AccessCode.GetString() : null;

        public bool RemoveCode => AccessCode.ValueKind == JsonValueKind.Null;

        public bool? NewIncludeOriginals => IncludeOriginals.ValueKind is JsonValueKind.True or JsonValueKind.False ? IncludeOriginals.GetBoolean() : null;

        public void Validate(FieldErrors errors, HttpContext context)
        {
            if (NewExpiry is { } expiry)
            {
                ValidateExpiry(errors, expiry, context);
            }
            else if (ExpiresAt.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
            {
                errors.Add("expiresAt", "An ISO-8601 time, or null to remove the expiry.");
            }
            if (AccessCode.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            {
                errors.Add("accessCode", "A string, or null to remove the code.");
            }
            ValidateCode(errors, NewCode);
            if (IncludeOriginals.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add("includeOriginals", "true or false.");
            }
        }
    }

    public static void MapShareEndpoints(this IEndpointRouteBuilder app)
    {
        var shares = app.MapGroup("/api/shares").WithTags("Sharing").RequireAuthorization();
        shares.MapPost("", CreateAsync).WithJsonBody<NewShareBody>();
        shares.MapGet("", async (HttpContext context, IClusterClient cluster, Guid? albumId, Guid? mediaId, string? cursor, int? limit) =>
            Results.Ok(await cluster.GetGrain<IGalleryQueryGrain>(0).ListShares(context.User.UserId(), albumId, mediaId, cursor, GalleryProblems.Limit(limit))));
        shares.MapPatch("/{token}", UpdateAsync).WithJsonBody<SharePatchBody>();
        shares.MapDelete("/{token}", async (string token, HttpContext context, IClusterClient cluster) =>
            ShareTokens.IsWellFormed(token) && await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)).Revoke(context.User.UserId()) == GalleryFailure.None
                ? Results.NoContent()
                : Problems.NotFound());
    }

    private static async Task<IResult> CreateAsync(JsonBody<NewShareBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        var token = ShareTokens.New();
        var created = await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token)).Create(context.User.UserId(), token,
            new NewShare(body.AlbumId, body.MediaId, body.ExpiresAt?.ToUniversalTime(), body.AccessCode, body.RecipientName, body.IncludeOriginals ?? false));
        return created.ToResult(share => Results.Created($"/api/shares/{share.Token}", share));
    }

    private static async Task<IResult> UpdateAsync(string token, JsonBody<SharePatchBody> json, HttpContext context, IClusterClient cluster)
    {
        var patch = json.Value;
        if (!ShareTokens.IsWellFormed(token))
        {
            return Problems.NotFound();
        }
        var updated = await cluster.GetGrain<IShareGrain>(ShareTokens.GrainKey(token))
            .Update(context.User.UserId(), new ShareChange(patch.NewExpiry, patch.ClearExpiry, patch.NewCode, patch.RemoveCode, patch.NewIncludeOriginals));
        return updated.ToResult(Results.Ok);
    }

    private static void ValidateExpiry(FieldErrors errors, DateTime? expiresAt, HttpContext context)
    {
        if (expiresAt is { } expiry && expiry.ToUniversalTime() <= context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)
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
