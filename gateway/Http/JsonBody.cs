using System.Text.Json;

namespace GalleryOrleans.Gateway.Http;

/// <summary>
/// A handler's typed JSON body, read and validated while the handler's parameters are bound. Map the route with
/// <see cref="JsonBodyFilter.WithJsonBody{T}"/>: a missing, malformed, too large or invalid body is then answered as
/// a problem (400 with field errors, 413) and the handler is not called, so <see cref="Value"/> is always valid.
/// </summary>
internal sealed class JsonBody<T>
    where T : class, IRequestBody
{
    private const int MaxBodyBytes = 64 * 1024;

    private readonly T? value;

    private JsonBody(T? value, IResult? problem)
    {
        this.value = value;
        Problem = problem;
    }

    public T Value => value ?? throw new InvalidOperationException($"The route reading {typeof(T).Name} is not mapped with WithJsonBody.");

    /// <summary>What to answer instead of calling the handler; null when the body is valid.</summary>
    public IResult? Problem { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        var (body, problem) = T.Optional && request.ContentLength is not > 0 && !request.HasJsonContentType()
            ? (JsonSerializer.Deserialize<T>("{}", JsonSerializerOptions.Web), null)
            : await ReadAsync(request);
        if (body is null)
        {
            return new JsonBody<T>(null, problem);
        }
        var errors = new FieldErrors();
        body.Validate(errors, context);
        return errors.Any ? new JsonBody<T>(null, errors.ToProblem()) : new JsonBody<T>(body, null);
    }

    /// <summary>The body, or the problem that a missing or malformed one is instead of the framework's bare 400.</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadAsync(HttpRequest request)
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
