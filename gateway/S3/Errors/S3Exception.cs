namespace GalleryOrleans.Gateway.S3.Errors;

/// <summary>Thrown by the S3 protocol code when a request must be answered with an S3 error document.</summary>
public sealed class S3Exception : Exception
{
    public S3Exception(S3Error error, Exception? innerException = null)
        : base($"{error.Code}: {error.Message}", innerException) => Error = error;

    public S3Exception(string code, string message, Exception? innerException = null)
        : this(new S3Error(code, message), innerException)
    {
    }

    public S3Error Error { get; }
}
