using System.Globalization;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>GET /api/search: the caller's media by text (file name, album name, camera) and filters, in taken order.</summary>
internal static class SearchEndpoints
{
    public const int MaxTextLength = 100;

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/search").WithTags("Media").RequireAuthorization().MapGet("", SearchAsync);

    private static async Task<IResult> SearchAsync(
        HttpContext context, IClusterClient cluster, string? q, string? from, string? to, string? type, bool? favorite, bool? hasLocation,
        string? cursor, int? limit)
    {
        var errors = new FieldErrors();
        errors.MaxLength("q", q, MaxTextLength);
        var start = Day(errors, "from", from);
        var end = Day(errors, "to", to);
        if (type is not (null or "" or "image" or "video"))
        {
            errors.Add("type", "Use 'image' or 'video'.");
        }
        if (start > end)
        {
            errors.Add("to", "The end comes before the start.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var search = new MediaSearch(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), start, end?.AddDays(1), string.IsNullOrEmpty(type) ? null : type,
            favorite == true, hasLocation == true, cursor, GalleryProblems.Limit(limit));
        return Results.Ok(await cluster.GetGrain<IGalleryQueryGrain>(0).Search(context.User.UserId(), search));
    }

    /// <summary>The start of a YYYY-MM-DD day in UTC, or null when none is given.</summary>
    internal static DateTime? Day(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        errors.Add(field, "A date as YYYY-MM-DD.");
        return null;
    }
}
