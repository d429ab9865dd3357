using System.Globalization;

namespace GalleryOrleans.Benchmarks;

/// <summary>CPU time of a process and all its descendants, from /proc/&lt;pid&gt;/stat.</summary>
internal static class ProcessTreeCpu
{
    /// <summary>/proc counts in USER_HZ, which Linux fixes at 100 for user space.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>
    /// User plus system time of the process and its live descendants, each with its reaped children's time
    /// (cutime, cstime), so work of short-lived children such as PostgreSQL backends is not lost.
    /// </summary>
    public static TimeSpan Of(int rootId)
    {
        var processes = ReadAll();
        var children = processes.ToLookup(p => p.Value.ParentId, p => p.Key);
        long ticks = 0;
        var pending = new Stack<int>([rootId]);
        while (pending.TryPop(out var id))
        {
            if (processes.TryGetValue(id, out var process))
            {
                ticks += process.Ticks;
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static Dictionary<int, (int ParentId, long Ticks)> ReadAll()
    {
        var processes = new Dictionary<int, (int, long)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue; // Exited meanwhile.
            }
            // The command name in parentheses may hold spaces; fields after it start at field 3 (state).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            processes[id] = ((int)Field(4), Field(14) + Field(15) + Field(16) + Field(17));
        }
        return processes;
    }
}
