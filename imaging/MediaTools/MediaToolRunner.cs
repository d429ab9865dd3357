using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GalleryOrleans.Imaging.MediaTools;

/// <summary>
/// Runs libheif's and ffmpeg's programs on uploaded media, which a stranger controls: each run under an
/// address-space limit (prlimit --as) and a wall-clock limit, on one of two bounded pools per silo, so that a
/// decompression bomb or a burst of large videos cannot stall the silo's requests. Short jobs (decode, probe,
/// poster), which an upload waits for, share one pool; transcodes, which nobody waits for, run one at a time and
/// at low CPU priority (nice), so they take only what requests leave.
/// </summary>
public sealed class MediaToolRunner(MediaToolOptions options)
{
    // Enough for any probe or info listing; beyond it a file's metadata is not worth reading.
    private const int MaxCapturedChars = 1 << 20;

    private static readonly TimeSpan OrphanGrace = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim decodes = new(Math.Max(1, options.DecodeConcurrency));
    private readonly SemaphoreSlim transcodes = new(1);

    public Task<ToolRun> DecodeAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync(decodes, options.DecodeTimeout, options.DecodeMemoryMiB, niceness: 0, program, arguments, cancellationToken);

    public Task<ToolRun> TranscodeAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync(transcodes, options.TranscodeTimeout, options.TranscodeMemoryMiB, niceness: 10, program, arguments, cancellationToken);

    private static async Task<ToolRun> RunAsync(
        SemaphoreSlim pool, TimeSpan timeout, long memoryMiB, int niceness, string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        await pool.WaitAsync(cancellationToken);
        try
        {
            using var process = Process.Start(StartInfo(timeout, memoryMiB, niceness, program, arguments))
                ?? throw new InvalidOperationException($"{program} could not be started.");
            process.StandardInput.Close();
            var output = ReadBoundedAsync(process.StandardOutput);
            var errors = ReadBoundedAsync(process.StandardError);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var timedOut = false;
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }
            return new ToolRun(process.ExitCode, await output, await errors, timedOut);
        }
        finally
        {
            pool.Release();
        }
    }

    // nice and prlimit each exec the next program. coreutils' timeout is a backstop a little past the silo's own
    // deadline: it still ends the tool when the silo that started it was killed (kill -9, out of memory) meanwhile.
    private static ProcessStartInfo StartInfo(TimeSpan timeout, long memoryMiB, int niceness, string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("nice")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var backstop = (long)Math.Ceiling((timeout + OrphanGrace).TotalSeconds);
        foreach (var argument in (string[])[
            "-n", niceness.ToString(CultureInfo.InvariantCulture),
            "prlimit", $"--as={(memoryMiB * 1024 * 1024).ToString(CultureInfo.InvariantCulture)}", "--",
            "timeout", "--signal=KILL", backstop.ToString(CultureInfo.InvariantCulture) + "s", program])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            kept.Append(buffer, 0, Math.Min(read, MaxCapturedChars - kept.Length));
        }
        return kept.ToString();
    }
}
