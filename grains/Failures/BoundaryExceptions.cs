using System.Net.Sockets;
using GalleryOrleans.Abstractions.Failures;
using Npgsql;

namespace GalleryOrleans.Grains.Failures;

/// <summary>
/// Which exceptions may leave a grain as they are, and what the others become: Orleans serialises only our own
/// [GenerateSerializer] exceptions and those of the .NET and Orleans namespaces, and an exception it cannot
/// serialise fails the call with a codec error instead of the real cause.
/// </summary>
public static class BoundaryExceptions
{
    private static readonly string[] PassThroughNamespaces = ["GalleryOrleans.", "Orleans.", "System.", "Microsoft."];

    /// <summary>The exception to throw across the boundary in place of <paramref name="error"/>; null to keep it.</summary>
    public static Exception? Replacement(Exception error) => error switch
    {
        _ when IsDatabaseUnavailable(error) => new CatalogUnavailableException(),
        // Orleans' own, but thrown at this grain's caller it would read as a rejection of the caller's call.
        OrleansMessageRejectionException or SiloUnavailableException => new ClusterCallFailedException(),
        _ when error.GetType().Namespace is { } space && PassThroughNamespaces.Any(p => (space + ".").StartsWith(p, StringComparison.Ordinal)) => null,
        _ => new GrainFailureException(error.GetType().FullName!, error.Message),
    };

    /// <summary>
    /// Runs work whose exceptions no call filter sees (a grain's activation: its OnActivateAsync and its state read),
    /// throwing the boundary exception in place of the original.
    /// </summary>
    public static async Task TranslateAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception error) when (Replacement(error) is { } replacement)
        {
            throw replacement;
        }
    }

    /// <summary>
    /// The database cannot be reached or refuses work for now: connection failures, a server or database that is
    /// shutting down, starting or not accepting connections, too many connections. Errors in our SQL are not.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception error) => error switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.ObjectNotInPrerequisiteState or PostgresErrorCodes.InvalidCatalogName,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => error.InnerException is { } inner && IsDatabaseUnavailable(inner),
    };
}
