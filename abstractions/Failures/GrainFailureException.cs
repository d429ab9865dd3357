namespace GalleryOrleans.Abstractions.Failures;

/// <summary>
/// A failure inside a grain whose own exception type may not cross a grain boundary (a database driver's error, an
/// I/O error with state of its own). It carries the original type name and message, so the bug can be found from
/// the gateway's log; the silo logs the original with its stack.
/// </summary>
[GenerateSerializer]
public sealed class GrainFailureException : Exception
{
    public GrainFailureException()
    {
    }

    public GrainFailureException(string originalType, string message)
        : base($"{originalType}: {message}")
    {
        OriginalType = originalType;
    }

    [Id(0)]
    public string OriginalType { get; init; } = "";
}
