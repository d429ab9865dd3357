using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Grains.Failures;

/// <summary>
/// One place where a grain's exception becomes one that can cross the boundary (see <see cref="BoundaryExceptions"/>),
/// so no grain has to wrap its database and I/O calls one by one. The original is logged here with its stack.
/// </summary>
public sealed class BoundaryExceptionFilter(ILogger<BoundaryExceptionFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (BoundaryExceptions.Replacement(error) is { } replacement)
        {
            logger.LogWarning(error, "{Grain}.{Method} failed; the caller gets {Replacement}",
                context.TargetId, context.InterfaceMethod?.Name, replacement.GetType().Name);
            throw replacement;
        }
    }
}
