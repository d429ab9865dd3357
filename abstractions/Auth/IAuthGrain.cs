namespace GalleryOrleans.Abstractions.Auth;

/// <summary>
/// The public entry points of authentication, which work before a user id is known: they resolve
/// the user through the unique indexes and then talk to that user's grain.
/// </summary>
public interface IAuthGrain : IGrainWithIntegerKey
{
    Task<AuthResult<UserView>> Register(Registration registration);

    Task<AuthResult<TokenPair>> Login(string emailOrUsername, string password);

    Task<AuthResult<TokenPair>> Refresh(string refreshToken);

    Task<TokenPair> SignInWithGoogle(GoogleIdentity google);

    Task ForgotPassword(string email);

    Task<bool> ResetPassword(string token, string newPassword);

    Task<bool> VerifyEmail(string token);
}
