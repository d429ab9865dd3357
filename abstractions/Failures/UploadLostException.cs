namespace GalleryOrleans.Abstractions.Failures;

/// <summary>
/// The bytes of an upload under way were lost with the silo that held them (it crashed before handing them over), so
/// the writer cannot seal or publish what the caller sent. Nothing was stored; the gateway answers 503 with
/// Retry-After, and the same upload sent again succeeds on the silos that are left.
/// </summary>
[GenerateSerializer]
public sealed class UploadLostException : Exception
{
    public UploadLostException()
        : base("The upload's bytes were lost with the silo that held them. Send it again.")
    {
    }

    public UploadLostException(string message)
        : base(message)
    {
    }
}
