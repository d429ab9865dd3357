using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GalleryOrleans.Tests.Storage;

/// <summary>
/// Every silo mounts the same storage root (our deployment rule), so an object written through one
/// silo is readable from any other, also after the writing silo is gone.
/// </summary>
public sealed class MultiSiloStorageTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task Objects_written_through_one_silo_are_read_through_the_other_after_it_stops()
    {
        using var client = await cluster.StartClientAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var owner = Guid.NewGuid();
        var bucket = "shared-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IBucketGrain>(bucket).Create(owner);
        var objects = Enumerable.Range(0, 6).Select(i => (Key: $"k{i}", Data: ObjectUploads.RandomBytes(300_000 + i))).ToList();
        foreach (var (key, data) in objects)
        {
            Assert.True((await ObjectUploads.PutAsync(grains, owner, bucket, key, data)).Succeeded);
        }

        await cluster.StopSiloAsync(cluster.Silos[0]);

        foreach (var (key, data) in objects)
        {
            var info = await grains.GetGrain<IBucketGrain>(bucket).GetObject(owner, key);
            Assert.Equal(data, await ObjectUploads.ReadAsync(grains, info.Value!));
        }
        await client.StopAsync();
    }
}
