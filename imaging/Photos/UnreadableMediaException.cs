namespace GalleryOrleans.Imaging.Photos;

/// <summary>Raised when an upload cannot be inspected; <see cref="Reason"/> tells the API which status to answer.</summary>
public sealed class UnreadableMediaException(UnreadableMediaReason reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public UnreadableMediaReason Reason { get; } = reason;
}
