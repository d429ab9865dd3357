namespace GalleryOrleans.Benchmarks;

/// <summary>Resident memory of a process around one piece of work.</summary>
/// <param name="PeakSampled">The largest VmRSS seen while sampling every 50 ms.</param>
/// <param name="PeakHighWaterMark">VmHWM after the work; the exact peak during it only when <paramref name="HighWaterMarkWasReset"/>.</param>
internal sealed record MemoryUse(long Baseline, long PeakSampled, long PeakHighWaterMark, bool HighWaterMarkWasReset)
{
    public long Peak => HighWaterMarkWasReset ? Math.Max(PeakSampled, PeakHighWaterMark) : PeakSampled;
    public long Growth => Peak - Baseline;
}

internal static class MemorySampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="work"/> while sampling the process's RSS.</summary>
    public static async Task<(T Result, MemoryUse Memory)> DuringAsync<T>(ProcessMemory memory, Func<Task<T>> work)
    {
        var reset = memory.TryResetPeak();
        var baseline = memory.ResidentBytes();
        using var stop = new CancellationTokenSource();
        var sampling = SampleAsync(memory, stop.Token);
        T result;
        try
        {
            result = await work();
        }
        finally
        {
            await stop.CancelAsync();
        }
        var peakSampled = await sampling;
        return (result, new MemoryUse(baseline, peakSampled, memory.PeakResidentBytes(), reset));
    }

    private static async Task<long> SampleAsync(ProcessMemory memory, CancellationToken stop)
    {
        var peak = memory.ResidentBytes();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                peak = Math.Max(peak, memory.ResidentBytes());
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the work is done.
        }
        return Math.Max(peak, memory.ResidentBytes());
    }
}
