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

    public async Task<Result<TokenPair, AuthFailure>> Login(string emailOrUsername, string password, string? userAgent)
    {
        var owner = await Index(UniqueIndexKeys.Email(emailOrUsername)).Owner()
            ?? await Index(UniqueIndexKeys.Username(emailOrUsername)).Owner();
        if (owner is not { } userId)
        {
            await passwords.VerifyUnknownAccountAsync(password);
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidCredentials);
        }
        var tokens = await GrainFactory.GetGrain<IUserGrain>(userId).SignInWithPassword(password, userAgent);
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

    public async Task<Result<TokenPair, AuthFailure>> SignInWithGoogle(GoogleIdentity google, string? userAgent)
    {
        var googleIndex = Index(UniqueIndexKeys.Google(google.Subject));
        if (await googleIndex.Owner() is { } linked)
        {
            return Result<TokenPair, AuthFailure>.Ok(await GrainFactory.GetGrain<IUserGrain>(linked).StartSession(userAgent));
        }
        if (google.Email is { } email && await Index(UniqueIndexKeys.Email(email)).Owner() is { } existing)
        {
            // Only an address both sides have verified joins accounts; anything else could hand one person's account to another.
            var linkedNow = await GrainFactory.GetGrain<IUserGrain>(existing).LinkGoogleAndSignIn(google, userAgent);
            return linkedNow.Failure == AuthFailure.InvalidToken ? await SignInWithGoogle(google, userAgent) : linkedNow;
        }
        return Result<TokenPair, AuthFailure>.Ok(await CreateGoogleUserAsync(google, googleIndex, userAgent));
    }

    public async Task ForgotPassword(string email)
    {
        if (await Index(UniqueIndexKeys.Email(email)).Owner() is { } userId)
        {
            await GrainFactory.GetGrain<IUserGrain>(userId).SendPasswordReset();
        }
    }

    public async Task<Result<int, AuthFailure>> ResetPassword(string token, string newPassword) =>
        SecretToken.TryDecode(token, out var userId, out var secret)
            ? await GrainFactory.GetGrain<IUserGrain>(userId).ResetPassword(secret, newPassword)
            : Result<int, AuthFailure>.Fail(AuthFailure.InvalidToken);

    public async Task<bool> VerifyEmail(string token) =>
        SecretToken.TryDecode(token, out var userId, out var secret)
        && await GrainFactory.GetGrain<IUserGrain>(userId).VerifyEmail(secret);

    private async Task<TokenPair> CreateGoogleUserAsync(GoogleIdentity google, IUniqueIndexGrain googleIndex, string? userAgent)
    {
        var userId = Guid.NewGuid();
        if (!await googleIndex.Claim(userId))
        {
            // Another sign-in with the same Google account won the race: use the account it created.
            var winner = await googleIndex.Owner();
            return await GrainFactory.GetGrain<IUserGrain>(winner!.Value).StartSession(userAgent);
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
        return await GrainFactory.GetGrain<IUserGrain>(userId).StartSession(userAgent);
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
