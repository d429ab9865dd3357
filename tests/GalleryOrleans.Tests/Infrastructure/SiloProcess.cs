using System.Diagnostics;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>The silo program in a process of its own, so a test can kill it the way a crash would.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process process;

    private SiloProcess(Process process) => this.process = process;

    public static SiloProcess Start(IDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GalleryOrleans.Silo.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process);
    }

    public int Id => process.Id;

    /// <summary>kill -9 of the silo alone, as the kernel's out-of-memory killer does: what it started keeps running.</summary>
    public void Crash()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }
        process.Dispose();
    }
}
