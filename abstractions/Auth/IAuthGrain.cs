namespace GalleryOrleans.Abstractions.Auth;

/// <summary>
/// The public entry points of authentication, which work before a user id is known: they resolve
/// the user through the unique indexes and then talk to that user's grain.
/// </summary>
public interface IAuthGrain : IGrainWithIntegerKey
{
    Task<Result<UserView, AuthFailure>> Register(Registration registration);

    Task<Result<TokenPair, AuthFailure>> Login(string emailOrUsername, string password);

    Task<Result<TokenPair, AuthFailure>> Refresh(string refreshToken);

    Task<TokenPair> SignInWithGoogle(GoogleIdentity google);

    Task ForgotPassword(string email);

    Task<bool> ResetPassword(string token, string newPassword);

    Task<bool> VerifyEmail(string token);
}
