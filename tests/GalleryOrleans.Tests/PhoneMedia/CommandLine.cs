using System.Diagnostics;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>Runs the Debian tools the fixtures are made with (ffmpeg, ffprobe, heif-enc); a failure fails the test.</summary>
internal static class CommandLine
{
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing: run deploy/local/install-prerequisites.sh.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await errors}");
        }
    }
}
