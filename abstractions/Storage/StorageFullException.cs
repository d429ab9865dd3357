namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// The storage root has no space left for the bytes being written. The gateway answers it as 507 (on the S3 port
/// and the API alike) rather than as an internal error, because it is the operator's disk, not a bug, and a
/// retry will not help until space is freed.
/// </summary>
[GenerateSerializer]
public sealed class StorageFullException : IOException
{
    public StorageFullException()
        : base("There is not enough free space in the object store for this object.")
    {
    }

    /// <summary>ENOSPC and EDQUOT, which .NET reports on Linux as the HResult of an <see cref="IOException"/>.</summary>
    public static bool IsOutOfSpace(IOException error) => error.HResult is 28 or 122;
}
