namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// The real clock moved forward by what a test asks for, so an expiry is reached at once instead of after a wait.
/// Only "now" moves: timers and elapsed-time stamps stay real, so Orleans' own timers and timeouts keep working.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
