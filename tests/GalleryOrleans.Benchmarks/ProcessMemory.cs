using System.Globalization;

namespace GalleryOrleans.Benchmarks;

/// <summary>Resident memory of a process, from /proc/&lt;pid&gt;/status.</summary>
internal sealed class ProcessMemory(int processId)
{
    public long ResidentBytes() => ReadKilobytes("VmRSS:") * 1024;

    /// <summary>VmHWM: the largest resident size since the process started or since <see cref="TryResetPeak"/>.</summary>
    public long PeakResidentBytes() => ReadKilobytes("VmHWM:") * 1024;

    /// <summary>Sets VmHWM back to the current RSS (writing 5 to clear_refs); false when the kernel does not allow it.</summary>
    public bool TryResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            return true;
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private long ReadKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{processId}/status has no {field} line.");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
