using GalleryOrleans.Abstractions.Auth;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Auth;

public sealed class UniqueIndexGrain(
    [PersistentState("unique")] IPersistentState<UniqueIndexState> state,
    TimeProvider clock) : Grain, IUniqueIndexGrain
{
    // A claim whose user was never created (the registration failed half-way) is abandoned after this.
    private static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(2);

    public async Task<bool> Claim(Guid userId)
    {
        if (state.State.Owner is { } owner && owner != userId && !await IsAbandonedAsync(owner))
        {
            return false;
        }
        if (state.State.Owner != userId)
        {
            state.State.Owner = userId;
            state.State.ClaimedAt = clock.GetUtcNow().UtcDateTime;
            await state.WriteStateAsync();
        }
        return true;
    }

    public async Task Release(Guid userId)
    {
        if (state.State.Owner == userId)
        {
            await state.ClearStateAsync();
        }
    }

    public Task<Guid?> Owner() => Task.FromResult(state.State.Owner);

    private async Task<bool> IsAbandonedAsync(Guid owner) =>
        clock.GetUtcNow().UtcDateTime - state.State.ClaimedAt > AbandonedClaimAge
        && !await GrainFactory.GetGrain<IUserGrain>(owner).Exists();
}
