namespace GalleryOrleans.Grains.Gallery;

/// <summary>Settings of the trash (section "Trash").</summary>
public sealed class TrashOptions
{
    public const string Section = "Trash";

    /// <summary>How long a deleted media stays restorable before it is purged for good.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the cluster looks for media trashed longer ago than <see cref="Retention"/>.</summary>
    public TimeSpan PurgePeriod { get; set; } = TimeSpan.FromHours(1);
}
