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

    Task<TokenPair?> SignInWithPassword(string password, string? userAgent);

    Task<TokenPair> StartSession(string? userAgent);

    Task<Result<TokenPair, AuthFailure>> Refresh(Guid sessionId, string secret);

    Task EndSession(Guid sessionId);

    Task EndAllSessions();

    [AlwaysInterleave]
    Task<bool> IsSessionActive(Guid sessionId);

    Task<IReadOnlyList<SessionView>> ListSessions(Guid currentSessionId);

    /// <summary>
    /// Links the Google account whose verified email is this account's verified email, and signs in. Refused
    /// (GoogleLinkRefused) unless both sides have verified the email; ends the sessions a password made.
    /// </summary>
    Task<Result<TokenPair, AuthFailure>> LinkGoogleAndSignIn(GoogleIdentity google, string? userAgent);

    /// <summary>Links a Google account to this signed-in user; GoogleLinkRefused when it belongs to another user.</summary>
    Task<AuthFailure> LinkGoogle(GoogleIdentity google);

    Task SendPasswordReset();

    /// <summary>The number of S3 access keys the reset revoked, or InvalidToken.</summary>
    Task<Result<int, AuthFailure>> ResetPassword(string secret, string newPassword);

    /// <summary>InvalidCredentials for a wrong current password, NoPassword for an account without one.</summary>
    Task<AuthFailure> ChangePassword(Guid currentSessionId, string currentPassword, string newPassword);

    Task<bool> VerifyEmail(string secret);

    /// <summary>Sends a new verification link unless the email is verified already.</summary>
    Task ResendVerification();

    Task<Result<NewAccessKey, AuthFailure>> CreateAccessKey(string? name);

    Task<IReadOnlyList<AccessKeyView>> ListAccessKeys();

    Task<bool> RevokeAccessKey(string accessKeyId);
}
