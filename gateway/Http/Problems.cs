namespace GalleryOrleans.Gateway.Http;

/// <summary>The problem-details answers the API routes share.</summary>
internal static class Problems
{
    public static IResult Validation(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what = "Not found") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: what);

    public static IResult Forbidden(string title) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);

    public static IResult Conflict(string title, string? detail = null) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static IResult Unauthorized(string title, string? detail = null) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
}
