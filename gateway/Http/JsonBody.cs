using System.Text.Json;

namespace GalleryOrleans.Gateway.Http;

/// <summary>
/// Reads a JSON request body into a record, turning a missing or malformed body into a validation
/// problem instead of the framework's bare 400.
/// </summary>
internal static class JsonBody
{
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<(T? Body, IResult? Problem)> ReadJsonAsync<T>(this HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Validation("body", "Send a JSON body with Content-Type: application/json."));
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large"));
        }
        try
        {
            var body = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            return body is null
                ? (null, Problems.Validation("body", "The body must be a JSON object."))
                : (body, null);
        }
        catch (JsonException error)
        {
            // A value of the wrong type names its field; broken JSON is a fault of the whole body.
            var wrongType = error.Message.Contains("could not be converted", StringComparison.Ordinal);
            return wrongType && error.Path is { Length: > 2 } path
                ? (null, Problems.Validation(path.TrimStart('$', '.'), "A value of the wrong type."))
                : (null, Problems.Validation("body", "Malformed JSON."));
        }
    }
}
