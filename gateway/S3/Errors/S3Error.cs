namespace GalleryOrleans.Gateway.S3.Errors;

/// <summary>An S3 error answer: the code and message of the error document, plus any headers S3 sends with it.</summary>
public sealed record S3Error(string Code, string Message)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public int StatusCode => S3ErrorCodes.StatusCodeOf(Code);

    /// <summary>Response headers that belong to this error, such as <c>Content-Range: bytes */len</c> for InvalidRange.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = NoHeaders;
}
