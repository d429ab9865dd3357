using GalleryOrleans.Abstractions.Auth;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Auth;

public sealed class AccessKeyGrain(
    [PersistentState("accesskey")] IPersistentState<AccessKeyState> state,
    SecretProtector protector) : Grain, IAccessKeyGrain
{
    private string? secret;

    public async Task Create(Guid userId, string secretAccessKey)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException("Access key ids are never reused.");
        }
        state.State.UserId = userId;
        state.State.ProtectedSecret = protector.Protect(secretAccessKey);
        await state.WriteStateAsync();
        secret = secretAccessKey;
    }

    public async Task Revoke(Guid userId)
    {
        if (state.State.UserId == userId && !state.State.Revoked)
        {
            state.State.Revoked = true;
            state.State.ProtectedSecret = [];
            await state.WriteStateAsync();
            secret = null;
        }
    }

    public Task<AccessKeySecret?> GetSecret()
    {
        if (!state.RecordExists || state.State.Revoked)
        {
            return Task.FromResult<AccessKeySecret?>(null);
        }
        secret ??= protector.Unprotect(state.State.ProtectedSecret);
        return Task.FromResult<AccessKeySecret?>(new AccessKeySecret(state.State.UserId, secret));
    }
}
