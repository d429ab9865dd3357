using System.Net;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.Storage;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// deploy/local/cluster.sh as an operator runs it: two silos and two gateways behind nginx, supervised, stopped by
/// SIGTERM.
/// </summary>
[Collection(ScriptedDeployment.Collection)]
public sealed class LocalClusterTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Cluster_serves_through_the_balancer_restarts_a_killed_silo_and_stops_every_process_on_sigterm()
    {
        await using var cluster = await ScriptedDeployment.StartAsync("cluster.sh", ScriptedDeployment.NewDataDirectory(),
            new Dictionary<string, string> { ["GALLERY_SILOS"] = "2", ["GALLERY_GATEWAYS"] = "2" });
        Assert.Contains("2 silos, 2 gateways", cluster.Output);
        var api = cluster.Api;
        var user = await api.NewUserAsync();
        var photo = await Uploads.PhotoAsync(api, user.AccessToken);
        var s3 = await S3User.CreateAsync(api, cluster.S3Endpoint);
        await s3.Client.PutBucketAsync("cluster-bucket");
        var before = ObjectUploads.RandomBytes(3_000_000);
        await PutAsync(s3, "before-kill", before);
        Assert.Equal(before, await GetAsync(s3, "before-kill"));

        var membership = new ClusterMembership(cluster.DatabaseConnectionString());
        var killedGeneration = await membership.NewestActiveGenerationAsync("silo1");
        var killed = cluster.ProgramProcessId("silo1");
        ScriptedDeployment.Signal("KILL", killed);

        await Eventually.TrueAsync(async () => cluster.ProgramProcessId("silo1") != killed
            && await membership.NewestActiveGenerationAsync("silo1") > killedGeneration, RecoveryTimeout);
        Assert.Contains("silo1 exited with status 137; restarting it", cluster.Output);
        Assert.True(ProcessTree.IsRunning(cluster.PostgresProcessId()));
        var after = ObjectUploads.RandomBytes(2_000_000);
        await Eventually.TrueAsync(async () =>
        {
            await PutAsync(s3, "after-restart", after);
            return true;
        }, RecoveryTimeout);
        Assert.Equal(after, await GetAsync(s3, "after-restart"));
        Assert.Equal(before, await GetAsync(s3, "before-kill"));
        var content = await api.SendAsync(HttpMethod.Get, $"/api/media/{photo.GetProperty("id").GetString()}/content", token: user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(SamplePhotos.Bytes("astronaut.jpg"), await content.Content.ReadAsByteArrayAsync());

        var processes = ProcessTree.WithDescendants(cluster.ScriptProcessId).Append(cluster.PostgresProcessId()).ToList();
        Assert.Contains(cluster.ProgramProcessId("nginx"), processes);
        Assert.Contains(cluster.ProgramProcessId("gateway2"), processes);
        Assert.Equal(143, await cluster.StopAsync());
        Assert.Contains("Gallery stopped.", cluster.Output);
        Assert.DoesNotContain(processes, ProcessTree.IsRunning);
    }

    private static async Task PutAsync(S3User s3, string key, byte[] data)
    {
        using var body = new MemoryStream(data);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = "cluster-bucket", Key = key, InputStream = body });
    }

    private static async Task<byte[]> GetAsync(S3User s3, string key)
    {
        using var response = await s3.Client.GetObjectAsync("cluster-bucket", key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
