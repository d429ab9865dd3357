using System.Diagnostics;

namespace GalleryOrleans.TestKit;

/// <summary>Runs a program to completion; a non-zero exit is an error carrying its standard error.</summary>
public static class ExternalCommand
{
    /// <summary>Returns the program's standard output.</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
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
}
