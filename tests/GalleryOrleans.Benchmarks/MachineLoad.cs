namespace GalleryOrleans.Benchmarks;

/// <summary>Cores and load average: other work on the machine shares the cores the figures depend on.</summary>
internal static class MachineLoad
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (1/5/15 min)";
}
