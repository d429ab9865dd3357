using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Auth;

/// <summary>
/// The public entry points of authentication, which work before a user id is known: they resolve
/// the user through the unique indexes and then talk to that user's grain.
/// </summary>
public interface IAuthGrain : IGrainWithIntegerKey
{
    Task<Result<UserView, AuthFailure>> Register(Registration registration);

    Task<Result<TokenPair, AuthFailure>> Login(string emailOrUsername, string password, string? userAgent);

    Task<Result<TokenPair, AuthFailure>> Refresh(string refreshToken);

    /// <summary>Refused (GoogleLinkRefused) when the email belongs to an account that is not verified on both sides.</summary>
    Task<Result<TokenPair, AuthFailure>> SignInWithGoogle(GoogleIdentity google, string? userAgent);

    /// <summary>
    /// One-way, so the caller's answer takes the same time whether or not the email exists: the lookup, the token and
    /// the mail all happen after the caller has moved on.
    /// </summary>
    [OneWay]
    Task ForgotPassword(string email);

    /// <summary>The number of S3 access keys the reset revoked, or InvalidToken.</summary>
    Task<Result<int, AuthFailure>> ResetPassword(string token, string newPassword);

    Task<bool> VerifyEmail(string token);
}
