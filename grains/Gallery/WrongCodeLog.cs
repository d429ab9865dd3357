namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// The wrong access codes given for one link within the last hour, from any client. Kept in the share grain's
/// persisted state, so neither a restart nor a deactivation hands a guesser a fresh allowance.
/// </summary>
[GenerateSerializer]
public sealed class WrongCodeLog
{
    public const int MaxPerLink = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>When each recent wrong code came, oldest first; never more than <see cref="MaxPerLink"/>.</summary>
    [Id(0)] public List<DateTime> Times { get; set; } = [];

    /// <summary>How long the link stays closed to new guessers, or null while it is open.</summary>
    public TimeSpan? LockedFor(DateTime now)
    {
        Times.RemoveAll(at => at <= now - Window);
        return Times.Count >= MaxPerLink ? Times[0] + Window - now : null;
    }

    public void Add(DateTime now)
    {
        Times.Add(now);
        if (Times.Count > MaxPerLink)
        {
            Times.RemoveRange(0, Times.Count - MaxPerLink);
        }
    }
}
