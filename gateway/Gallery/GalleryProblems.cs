using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

internal static class GalleryProblems
{
    public static IResult ToProblem(this GalleryFailure failure, string? detail = null) => failure switch
    {
        GalleryFailure.UnsupportedMedia or GalleryFailure.Unreadable => Results.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media", detail: detail ?? "Not an image or video this gallery can read."),
        GalleryFailure.TooLarge => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: detail),
        GalleryFailure.QuotaExceeded => Results.Problem(statusCode: StatusCodes.Status507InsufficientStorage, title: "Quota exceeded",
            detail: detail ?? "Storing this file would exceed your storage quota."),
        GalleryFailure.Invalid => Problems.Validation("body", detail ?? "Invalid."),
        GalleryFailure.NotReady => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not ready", detail: detail),
        _ => Problems.NotFound(),
    };

    public static IResult ToResult<T>(this Result<T, GalleryFailure> result, Func<T, IResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value!) : result.Failure.ToProblem(result.Detail);

    /// <summary>A 200 with a JSON body the library grain wrote already (as Results.Ok would have written it).</summary>
    public static IResult Json(byte[] utf8Json) => Results.Bytes(utf8Json, "application/json; charset=utf-8");

    /// <summary>Page size from ?limit=: 50 by default, at most 500.</summary>
    public static int Limit(int? limit) => Math.Clamp(limit ?? 50, 1, 500);
}
