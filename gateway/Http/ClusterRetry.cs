namespace GalleryOrleans.Gateway.Http;

/// <summary>
/// A GET or HEAD (on the API and on the S3 port) that met a passing cluster failure (<see cref="ClusterFailures"/>)
/// before its answer started is run once more, so a silo leaving or dying fails no read. Reads change nothing, so
/// running one twice is harmless; writes are not run again here (a rejected grain call is retried on its own by
/// <see cref="Abstractions.Hosting.RejectedCallRetry"/>: a rejection is the one failure that proves a write did not
/// happen).
/// </summary>
internal static class ClusterRetry
{
    /// <summary>Time for the membership and the grain directory to drop the silo that failed the first try.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public static void UseClusterRetry(this IApplicationBuilder app) => app.Use((context, next) => RunAsync(context, () => next(context)));

    /// <summary>Runs <paramref name="handle"/>, and for a read once more after a passing cluster failure.</summary>
    public static async Task RunAsync(HttpContext context, Func<Task> handle)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await handle();
            return;
        }
        try
        {
            await handle();
            return;
        }
        catch (Exception error) when (ClusterFailures.IsTransient(error) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterRetry))
                .LogInformation("{Method} {Path} met {Failure}; running it once more", context.Request.Method, context.Request.Path, error.GetType().Name);
        }
        context.Response.Clear();
        await Task.Delay(Pause, context.RequestAborted);
        await handle();
    }
}
