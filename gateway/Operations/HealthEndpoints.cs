using GalleryOrleans.Abstractions.Health;
using Npgsql;

namespace GalleryOrleans.Gateway.Operations;

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
            await using (var command = database.CreateCommand("SELECT 1"))
            {
                await command.ExecuteScalarAsync(timeout.Token);
            }
            await cluster.GetGrain<ISystemGrain>("readiness").Ping().WaitAsync(timeout.Token);
            // Nothing about the silos: this route is public, and their addresses are the cluster's business.
            return Results.Ok(new { status = "ready" });
        }
        catch (Exception error) when (error is not OperationCanceledException || !requestAborted.IsCancellationRequested)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not ready",
                detail: "The cluster or the database does not answer yet.");
        }
    }
}
