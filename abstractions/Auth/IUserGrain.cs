using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Auth;

/// <summary>
/// One user: profile, password hash, sessions, reset and verification tokens, S3 access keys.
/// Keyed by the user id. Only the auth grain creates users; every other caller acts on behalf of the
/// user whose id it got from a verified token.
/// </summary>
public interface IUserGrain : IGrainWithGuidKey
{
    Task<bool> Exists();

    Task<UserView> Create(Registration registration, GoogleIdentity? google);

    Task<UserView?> Get();

    Task<Result<UserView, AuthFailure>> Update(ProfileChange change);

    Task<TokenPair?> SignInWithPassword(string password);

    Task<TokenPair> StartSession();

    Task<Result<TokenPair, AuthFailure>> Refresh(Guid sessionId, string secret);

    Task EndSession(Guid sessionId);

    [AlwaysInterleave]
    Task<bool> IsSessionActive(Guid sessionId);

    Task<UserView> LinkGoogle(GoogleIdentity google);

    Task SendPasswordReset();

    Task<bool> ResetPassword(string secret, string newPassword);

    Task<bool> VerifyEmail(string secret);

    Task<Result<NewAccessKey, AuthFailure>> CreateAccessKey(string? name);

    Task<IReadOnlyList<AccessKeyView>> ListAccessKeys();

    Task<bool> RevokeAccessKey(string accessKeyId);
}
