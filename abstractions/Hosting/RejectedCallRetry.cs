using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Abstractions.Hosting;

/// <summary>
/// Sends a grain call once more when the cluster turned it away before any grain ran it (a silo stopping or known to
/// be dead, a connection closing): the call cannot have had an effect, so a write is not applied twice, and the
/// second try goes to the silos that are left. Used by the gateway and by the silos (a grain calling a grain). A
/// rejection of a call made further down is not this call's rejection: grains pass it on as
/// <see cref="Failures.ClusterCallFailedException"/>, which is not retried here.
/// </summary>
public sealed class RejectedCallRetry(ILogger<RejectedCallRetry> logger) : IOutgoingGrainCallFilter
{
    /// <summary>Time for the membership and grain directory to stop pointing at the silo that turned the call away.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        Exception? failure;
        try
        {
            await context.Invoke();
            failure = context.Response?.Exception;
        }
        catch (OrleansMessageRejectionException error)
        {
            failure = error;
        }
        if (failure is not OrleansMessageRejectionException)
        {
            return;
        }
        logger.LogInformation("{Grain}.{Method} was rejected ({Reason}); sending it once more", context.TargetId, context.MethodName, failure.Message);
        await Task.Delay(Pause);
        await context.Invoke();
    }
}
