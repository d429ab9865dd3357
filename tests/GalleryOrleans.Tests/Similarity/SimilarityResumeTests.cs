using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Grains.Similarity;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace GalleryOrleans.Tests.Similarity;

public sealed class SimilarityResumeTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task A_run_left_running_by_a_crashed_silo_finishes_when_the_grain_comes_back()
    {
        var user = await new ApiClient(cluster).NewUserAsync();
        var grain = cluster.Client.GetGrain<ISimilarityGrain>(Guid.Parse(user.Id));
        // What a silo that died mid-run leaves in storage: the run marked running, nothing finished.
        var storage = cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var crashed = new GrainState<SimilarityState>(new SimilarityState { State = "running", StartedAt = DateTime.UtcNow.AddMinutes(-5) });
        await storage.WriteStateAsync("similarity", grain.GetGrainId(), crashed);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var status = await grain.Status();
        while (status.State == "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            status = await grain.Status();
        }

        Assert.Equal("done", status.State);
        Assert.NotNull(status.FinishedAt);
    }
}
