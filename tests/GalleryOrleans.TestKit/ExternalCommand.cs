using System.ComponentModel;
using System.Diagnostics;

namespace GalleryOrleans.TestKit;

/// <summary>Runs a program to completion; a non-zero exit is an error carrying its standard error.</summary>
public static class ExternalCommand
{
    /// <summary>Returns the program's standard output.</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Start(program, start);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' exited with code {process.ExitCode}: {(await error).Trim()}");
        }
        return await output;
    }

    /// <summary>How long the program took to run, start-up included.</summary>
    public static async Task<TimeSpan> TimeAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await RunAsync(program, arguments, cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    private static Process Start(string program, ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"{program} is missing: run deploy/local/install-prerequisites.sh.", error);
        }
    }
}
