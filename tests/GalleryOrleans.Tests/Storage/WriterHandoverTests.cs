using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GalleryOrleans.Tests.Storage;

/// <summary>
/// A silo that stops gracefully (a rolling restart) takes no upload with it: an object writer half way through its
/// bytes, and one sealed but not yet published, go on from another silo and store exactly the bytes sent.
/// </summary>
public sealed class WriterHandoverTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task Uploads_under_way_on_a_silo_that_stops_are_stored_whole_by_the_other()
    {
        using var client = await cluster.StartClientAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var owner = Guid.NewGuid();
        const string bucket = "handover";
        await grains.GetGrain<IBucketGrain>(bucket).Create(owner);
        var halfway = await WriterOnAsync(grains, cluster.Silos[0]);
        var unpublished = await WriterOnAsync(grains, cluster.Silos[0]);
        var bytes = ObjectUploads.RandomBytes(2 * ObjectChunks.Size + 1000);
        var split = ObjectChunks.Size + 500;
        await halfway.Append(bytes[..split]);
        await unpublished.Append(bytes);
        var sealedEarlier = (await unpublished.Seal(bytes.Length, null, null)).Value!;

        await cluster.StopSiloAsync(cluster.Silos[0]);

        await halfway.Append(bytes[split..]);
        var sealedLater = (await halfway.Seal(bytes.Length, null, null)).Value!;
        foreach (var (key, sealedObject) in new[] { ("halfway", sealedLater), ("unpublished", sealedEarlier) })
        {
            var stored = await grains.GetGrain<IBucketGrain>(bucket).PutObject(
                owner, key, sealedObject, new ObjectProperties("application/octet-stream", new Dictionary<string, string>()), WriteCondition.None);
            Assert.Equal(bytes, await ObjectUploads.ReadAsync(grains, stored.Value!));
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), stored.Value!.ETag);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Value!.Sha256Hex);
        }
        await client.StopAsync();
    }

    /// <summary>A fresh writer whose activation is on the given silo.</summary>
    private async Task<IObjectWriterGrain> WriterOnAsync(IClusterClient grains, IHost silo)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        while (true)
        {
            var writer = grains.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
            await writer.Append([]); // activates it, adding no byte
            if ((await management.GetActivationAddress(writer))?.ToString() == cluster.SiloIdentity(silo))
            {
                return writer;
            }
            await writer.Discard();
        }
    }
}
