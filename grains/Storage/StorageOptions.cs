namespace GalleryOrleans.Grains.Storage;

/// <summary>Bound from "Storage".</summary>
public sealed class StorageOptions
{
    /// <summary>Where object bytes live. With several silos, every silo mounts the same folder.</summary>
    public string Root { get; set; } = "";

    /// <summary>Temporary files of other silos older than this are taken as abandoned by a crash.</summary>
    public TimeSpan AbandonedTempAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Multipart uploads neither completed nor aborted this long after they started are aborted.</summary>
    public TimeSpan AbandonedUploadAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most bytes one user's buckets may hold together; null is no limit.</summary>
    public long? UserQuotaBytes { get; set; }
}
