using GalleryOrleans.Abstractions.Health;
using Npgsql;

namespace GalleryOrleans.Gateway.Health;

/// <summary>Liveness (the process answers) and readiness (a grain call and the database answer), open to anyone.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(5);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "up" })).ExcludeFromDescription();
        app.MapGet("/readyz", CheckReadinessAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> CheckReadinessAsync(
        IClusterClient cluster, NpgsqlDataSource database, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(ReadinessTimeout);
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !requestAborted.IsCancellationRequested)
        {
            return NotReady(error, "The database does not answer");
        }
        try
        {
            await cluster.GetGrain<ISystemGrain>("readiness").Ping().WaitAsync(timeout.Token);
            // Nothing about the silos: this route is public, and their addresses are the cluster's business.
            return Results.Ok(new { status = "ready" });
        }
        catch (Exception error) when (error is not OperationCanceledException || !requestAborted.IsCancellationRequested)
        {
            return NotReady(error, "No silo answers a grain call");
        }
    }

    // The reason names the failing dependency, not its address or driver message, which are the operator's log's business.
    private static IResult NotReady(Exception error, string what) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Not ready",
        detail: error is OperationCanceledException ? $"{what} within {ReadinessTimeout.TotalSeconds:0} s." : $"{what} ({error.GetType().Name}).");
}
