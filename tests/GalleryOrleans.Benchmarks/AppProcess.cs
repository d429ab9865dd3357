using System.Diagnostics;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// One of the system's programs (silo or gateway) run from its Release build folder as its own process, or a peer
/// server, with its output in a log file.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly TextWriter log;

    private AppProcess(string name, Process process, TextWriter log, string logPath)
    {
        Name = name;
        this.process = process;
        this.log = log;
        LogPath = logPath;
    }

    public string Name { get; }
    public string LogPath { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;

    /// <summary>Runs <c>dotnet {assembly}.dll</c> in <c>{projectFolder}/bin/Release/net10.0</c>.</summary>
    public static AppProcess Start(
        string name, string projectFolder, string assembly, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        var binFolder = Path.Combine(projectFolder, "bin", "Release", "net10.0");
        var dll = Path.Combine(binFolder, assembly + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build it with 'dotnet build {projectFolder} -c Release'.", dll);
        }
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = binFolder };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return Start(name, start, logFolder);
    }

    /// <summary>Runs any program, such as a peer server to compare with; its output goes to <c>{name}.log</c>.</summary>
    public static AppProcess Start(string name, ProcessStartInfo start, string logFolder)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var logPath = Path.Combine(logFolder, name + ".log");
        var log = TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {name}.");
        process.OutputDataReceived += (_, line) => WriteLine(log, line.Data);
        process.ErrorDataReceived += (_, line) => WriteLine(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(name, process, log, logPath);
    }

    /// <summary>The last lines of the log, for error reports.</summary>
    public string LogTail(int lines)
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        return $"--- last {lines} lines of the {Name} log ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        // Also waits for the last output lines, so none arrives after the log is closed.
        process.WaitForExit();
        process.Dispose();
        log.Dispose();
    }

    private static void WriteLine(TextWriter log, string? line)
    {
        if (line is not null)
        {
            log.WriteLine(line);
        }
    }
}
