using GalleryOrleans.Abstractions.Health;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Health;

public sealed class SystemGrain(
    [PersistentState("system")] IPersistentState<SystemGrainState> state) : Grain, ISystemGrain
{
    public async Task<PingReply> Ping()
    {
        state.State.PingCount++;
        await state.WriteStateAsync();
        return new PingReply(RuntimeIdentity, state.State.PingCount);
    }
}
