namespace GalleryOrleans.Imaging.MediaTools;

/// <summary>How an external program ended: its exit code, what it printed (bounded), and whether it ran out of time.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Errors, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The first line the program wrote to stderr, or why it was stopped, for an error message.</summary>
    public string Reason => TimedOut
        ? "it took too long to decode"
        : Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
}
