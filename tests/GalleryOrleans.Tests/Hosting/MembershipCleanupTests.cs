using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace GalleryOrleans.Tests.Hosting;

public sealed class MembershipCleanupTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task Defunct_silo_entries_are_removed_from_the_membership_table()
    {
        var leaving = cluster.Silos[1];
        var leavingAddress = leaving.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var table = cluster.Silos[0].Services.GetRequiredService<IMembershipTable>();
        await cluster.StopSiloAsync(leaving);

        var before = await table.ReadAllAsync();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        var after = await table.ReadAllAsync();

        Assert.Contains(before.Members, m => m.Item1.SiloAddress.Equals(leavingAddress) && m.Item1.Status == SiloStatus.Dead);
        Assert.DoesNotContain(after.Members, m => m.Item1.SiloAddress.Equals(leavingAddress));
        Assert.Contains(after.Members, m => m.Item1.Status == SiloStatus.Active);
    }
}
