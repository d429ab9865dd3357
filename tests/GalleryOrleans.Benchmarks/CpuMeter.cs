using System.Diagnostics;

namespace GalleryOrleans.Benchmarks;

/// <summary>CPU time each part of the system used during one measurement.</summary>
internal sealed record CpuUse(string Measurement, TimeSpan Wall, TimeSpan Gateway, TimeSpan Silo, TimeSpan Postgres, TimeSpan Client)
{
    public TimeSpan Total => Gateway + Silo + Postgres + Client;
}

/// <summary>
/// Records the CPU time of the gateway, the silo, PostgreSQL and this program around measurements, to show
/// whether a figure is bound by the machine's cores or by waiting.
/// </summary>
internal sealed class CpuMeter(int gatewayId, int siloId, int postgresId)
{
    private readonly List<CpuUse> measurements = [];

    public IReadOnlyList<CpuUse> Measurements => measurements;

    public async Task<T> MeasureAsync<T>(string measurement, Func<Task<T>> work)
    {
        var before = Snapshot();
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        var wall = Stopwatch.GetElapsedTime(started);
        var after = Snapshot();
        measurements.Add(new CpuUse(measurement, wall, after[0] - before[0], after[1] - before[1], after[2] - before[2], after[3] - before[3]));
        return result;
    }

    /// <summary>What the system uses when nothing asks it anything: the floor under every other row.</summary>
    public Task MeasureIdleAsync(string measurement, TimeSpan duration, CancellationToken cancellationToken) =>
        MeasureAsync(measurement, async () =>
        {
            await Task.Delay(duration, cancellationToken);
            return duration;
        });

    /// <summary>This program is measured without its process tree, which holds the silo and the gateway.</summary>
    private TimeSpan[] Snapshot()
    {
        using var self = Process.GetCurrentProcess();
        return [ProcessTreeCpu.Of(gatewayId), ProcessTreeCpu.Of(siloId), ProcessTreeCpu.Of(postgresId), self.TotalProcessorTime];
    }
}
