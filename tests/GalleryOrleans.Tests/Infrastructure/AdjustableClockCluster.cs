using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A cluster whose silos read the time from an <see cref="AdjustableClock"/>; the gateway keeps the real one.</summary>
public class AdjustableClockCluster : GalleryCluster
{
    public AdjustableClock SiloClock { get; } = new();

    protected override void ReplaceSiloServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(SiloClock);
    }
}
