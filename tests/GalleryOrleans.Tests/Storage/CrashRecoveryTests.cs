using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GalleryOrleans.Tests.Storage;

public sealed class CrashRecoveryTests(EmptyCluster cluster) : IClassFixture<EmptyCluster>
{
    [Fact]
    public async Task An_upload_cut_off_by_a_silo_crash_leaves_no_object_and_no_file_after_restart()
    {
        var settings = cluster.SiloSettings("crashing-silo");
        var tempDirectory = Path.Combine(cluster.DataDirectory, "objects", ".tmp", "crashing-silo");
        var owner = Guid.NewGuid();
        const string bucket = "crash-test";

        using (var silo = SiloProcess.Start(settings))
        {
            using var client = await cluster.StartClientAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var grains = client.Services.GetRequiredService<IClusterClient>();
            await grains.GetGrain<IBucketGrain>(bucket).Create(owner);
            var writer = grains.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
            await writer.Append(ObjectUploads.RandomBytes(ObjectChunks.Size));
            await writer.Append(ObjectUploads.RandomBytes(ObjectChunks.Size));

            silo.Kill();
            Assert.Single(Directory.GetFiles(tempDirectory));
        }

        using (SiloProcess.Start(settings))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (Directory.GetFiles(tempDirectory).Length > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        Assert.Empty(Directory.GetFiles(tempDirectory));
        Assert.Empty(Directory.GetFiles(Path.Combine(cluster.DataDirectory, "objects", "buckets", bucket), "*", SearchOption.AllDirectories));
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM bucket_object", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }
}
