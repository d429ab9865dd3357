using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Auth;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Auth;

/// <summary>
/// Stateless entry points that find the user through the unique indexes. Many activations may run at
/// once; uniqueness is kept by the index grains, not here.
/// </summary>
[StatelessWorker]
public sealed class AuthGrain(PasswordHasher passwords) : Grain, IAuthGrain
{
    public async Task<Result<UserView, AuthFailure>> Register(Registration registration)
    {
        var userId = Guid.NewGuid();
        var email = Index(UniqueIndexKeys.Email(registration.Email));
        if (!await email.Claim(userId))
        {
            return Result<UserView, AuthFailure>.Fail(AuthFailure.EmailTaken);
        }
        var username = Index(UniqueIndexKeys.Username(registration.Username));
        if (!await username.Claim(userId))
        {
            await email.Release(userId);
            return Result<UserView, AuthFailure>.Fail(AuthFailure.UsernameTaken);
        }
        var user = await GrainFactory.GetGrain<IUserGrain>(userId).Create(registration, google: null);
        return Result<UserView, AuthFailure>.Ok(user);
    }

    public async Task<Result<TokenPair, AuthFailure>> Login(string emailOrUsername, string password)
    {
        var owner = await Index(UniqueIndexKeys.Email(emailOrUsername)).Owner()
            ?? await Index(UniqueIndexKeys.Username(emailOrUsername)).Owner();
        if (owner is not { } userId)
        {
            await passwords.VerifyUnknownAccountAsync(password);
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidCredentials);
        }
        var tokens = await GrainFactory.GetGrain<IUserGrain>(userId).SignInWithPassword(password);
        return tokens is null ? Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidCredentials) : Result<TokenPair, AuthFailure>.Ok(tokens);
    }

    public async Task<Result<TokenPair, AuthFailure>> Refresh(string refreshToken)
    {
        if (!SecretToken.TryDecode(refreshToken, out var userId, out var sessionPart)
            || !SecretToken.TryDecode(sessionPart, out var sessionId, out var secret))
        {
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidToken);
        }
        return await GrainFactory.GetGrain<IUserGrain>(userId).Refresh(sessionId, secret);
    }

    public async Task<TokenPair> SignInWithGoogle(GoogleIdentity google)
    {
        var googleIndex = Index(UniqueIndexKeys.Google(google.Subject));
        if (await googleIndex.Owner() is { } linked)
        {
            return await GrainFactory.GetGrain<IUserGrain>(linked).StartSession();
        }
        if (google is { EmailVerified: true, Email: { } verifiedEmail }
            && await Index(UniqueIndexKeys.Email(verifiedEmail)).Owner() is { } existing
            && await googleIndex.Claim(existing))
        {
            var user = GrainFactory.GetGrain<IUserGrain>(existing);
            await user.LinkGoogle(google);
            return await user.StartSession();
        }
        return await CreateGoogleUserAsync(google, googleIndex);
    }

    public async Task ForgotPassword(string email)
    {
        if (await Index(UniqueIndexKeys.Email(email)).Owner() is { } userId)
        {
            await GrainFactory.GetGrain<IUserGrain>(userId).SendPasswordReset();
        }
    }

    public async Task<bool> ResetPassword(string token, string newPassword) =>
        SecretToken.TryDecode(token, out var userId, out var secret)
        && await GrainFactory.GetGrain<IUserGrain>(userId).ResetPassword(secret, newPassword);

    public async Task<bool> VerifyEmail(string token) =>
        SecretToken.TryDecode(token, out var userId, out var secret)
        && await GrainFactory.GetGrain<IUserGrain>(userId).VerifyEmail(secret);

    private async Task<TokenPair> CreateGoogleUserAsync(GoogleIdentity google, IUniqueIndexGrain googleIndex)
    {
        var userId = Guid.NewGuid();
        if (!await googleIndex.Claim(userId))
        {
            // Another sign-in with the same Google account won the race: use the account it created.
            return await SignInWithGoogle(google);
        }
        var email = google.Email ?? $"{google.Subject}@users.noreply.google";
        var claimed = await Index(UniqueIndexKeys.Email(email)).Claim(userId);
        if (!claimed)
        {
            // The address belongs to an account Google has not verified for this person: keep them apart.
            email = $"{google.Subject}@users.noreply.google";
            await Index(UniqueIndexKeys.Email(email)).Claim(userId);
        }
        var username = await ClaimFreeUsernameAsync(email, userId);
        var registration = new Registration(username, email, null, google.GivenName, google.FamilyName, null, null);
        await GrainFactory.GetGrain<IUserGrain>(userId).Create(registration, google with { EmailVerified = google.EmailVerified && claimed });
        return await GrainFactory.GetGrain<IUserGrain>(userId).StartSession();
    }

    private async Task<string> ClaimFreeUsernameAsync(string email, Guid userId)
    {
        var stem = new string(email.Split('@')[0].Where(char.IsLetterOrDigit).Take(24).ToArray());
        stem = stem.Length >= 3 ? stem : "user";
        for (var attempt = 0; ; attempt++)
        {
            var candidate = attempt == 0 ? stem : $"{stem}{Random.Shared.Next(1000, 1_000_000)}";
            if (await Index(UniqueIndexKeys.Username(candidate)).Claim(userId))
            {
                return candidate;
            }
        }
    }

    private IUniqueIndexGrain Index(string key) => GrainFactory.GetGrain<IUniqueIndexGrain>(key);
}
