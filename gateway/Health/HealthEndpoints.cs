using GalleryOrleans.Abstractions.Health;

namespace GalleryOrleans.Gateway.Health;

/// <summary>
/// Liveness (the process answers) and readiness (a silo answers a grain call and reaches the catalog database), open
/// to anyone. The gateway asks the cluster about the database instead of connecting to it: it has no database access.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(5);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "up" })).ExcludeFromDescription();
        app.MapGet("/readyz", CheckReadinessAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> CheckReadinessAsync(IClusterClient cluster, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(ReadinessTimeout);
        bool catalogAnswers;
        try
        {
            catalogAnswers = await cluster.GetGrain<IReadinessGrain>(0).CatalogAnswers().WaitAsync(timeout.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !requestAborted.IsCancellationRequested)
        {
            return NotReady(error is OperationCanceledException
                ? $"No silo answers a grain call within {ReadinessTimeout.TotalSeconds:0} s."
                : $"No silo answers a grain call ({error.GetType().Name}).");
        }
        // Nothing about the silos: this route is public, and their addresses are the cluster's business.
        return catalogAnswers ? Results.Ok(new { status = "ready" }) : NotReady("The silos cannot reach the database.");
    }

    // The reason names the failing dependency, not its address or driver message, which are the operator's log's business.
    private static IResult NotReady(string detail) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Not ready",
        detail: detail);
}
