using GalleryOrleans.Abstractions.Health;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GalleryOrleans.Tests.Hosting;

public sealed class ClusterTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task Grain_state_survives_losing_the_silo_that_hosted_it()
    {
        using var client = await cluster.StartClientAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var grain = grains.GetGrain<ISystemGrain>("survivor-" + Guid.NewGuid());

        await grain.Ping();
        var before = await grain.Ping();
        var hostingSilo = cluster.Silos.Single(s => cluster.SiloIdentity(s) == before.SiloIdentity);
        await cluster.StopSiloAsync(hostingSilo);
        var after = await grain.Ping();

        Assert.Equal(2, before.PingCount);
        Assert.Equal(3, after.PingCount);
        Assert.NotEqual(before.SiloIdentity, after.SiloIdentity);
        await client.StopAsync();
    }
}
