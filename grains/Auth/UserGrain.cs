using GalleryOrleans.Abstractions;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Grains.Email;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Auth;

public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    PasswordHasher passwords,
    AccessTokenIssuer tokens,
    AccountEmails emails,
    IEmailSender mail,
    AuthOptions options,
    TimeProvider clock) : Grain, IUserGrain
{
    private UserState User => state.State;
    private Guid UserId => this.GetPrimaryKey();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<bool> Exists() => Task.FromResult(state.RecordExists);

    public async Task<UserView> Create(Registration registration, GoogleIdentity? google)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"User {UserId} exists already.");
        }
        User.Username = registration.Username.Trim();
        User.Email = registration.Email.Trim();
        User.PasswordHash = registration.Password is null ? null : await passwords.HashAsync(registration.Password);
        User.FirstName = registration.FirstName;
        User.LastName = registration.LastName;
        User.PhoneNumber = registration.PhoneNumber;
        User.BirthDate = registration.BirthDate;
        User.GoogleId = google?.Subject;
        User.EmailVerified = google is { EmailVerified: true };
        User.CreatedAt = User.UpdatedAt = Now;
        var verification = User.EmailVerified ? null : IssueOneTimeToken(options.VerificationTokenLifetime, t => User.VerificationToken = t);
        await state.WriteStateAsync();
        if (verification is not null)
        {
            await mail.SendAsync(emails.Verification(User.Email, User.Username, verification));
        }
        return View();
    }

    public Task<UserView?> Get() => Task.FromResult(state.RecordExists ? View() : null);

    public async Task<Result<UserView, AuthFailure>> Update(ProfileChange change)
    {
        if (!state.RecordExists)
        {
            return Result<UserView, AuthFailure>.Fail(AuthFailure.NotFound);
        }
        if (change.Username is { } username && !string.Equals(username.Trim(), User.Username, StringComparison.Ordinal))
        {
            var renamed = await ChangeUsernameAsync(username.Trim());
            if (!renamed)
            {
                return Result<UserView, AuthFailure>.Fail(AuthFailure.UsernameTaken);
            }
        }
        User.FirstName = change.FirstName ?? User.FirstName;
        User.LastName = change.LastName ?? User.LastName;
        User.PhoneNumber = change.PhoneNumber ?? User.PhoneNumber;
        User.BirthDate = change.BirthDate ?? User.BirthDate;
        User.UpdatedAt = Now;
        await state.WriteStateAsync();
        return Result<UserView, AuthFailure>.Ok(View());
    }

    public async Task<TokenPair?> SignInWithPassword(string password, string? userAgent)
    {
        if (!state.RecordExists)
        {
            await passwords.VerifyUnknownAccountAsync(password);
            return null;
        }
        return await passwords.VerifyAsync(password, User.PasswordHash) ? await StartSession(userAgent) : null;
    }

    public async Task<TokenPair> StartSession(string? userAgent)
    {
        var secret = SecretToken.NewSecret();
        var session = new SessionRecord
        {
            Id = Guid.NewGuid(),
            RefreshHash = SecretToken.Hash(secret),
            CreatedAt = Now,
            LastSeenAt = Now,
            ExpiresAt = Now.AddDays(options.RefreshTokenDays),
            UserAgent = userAgent,
        };
        User.Sessions.RemoveAll(s => s.ExpiresAt <= Now);
        User.Sessions.Add(session);
        if (User.Sessions.Count > options.MaxSessionsPerUser)
        {
            User.Sessions.RemoveRange(0, User.Sessions.Count - options.MaxSessionsPerUser);
        }
        await state.WriteStateAsync();
        return Pair(session.Id, secret);
    }

    public async Task<Result<TokenPair, AuthFailure>> Refresh(Guid sessionId, string secret)
    {
        var session = User.Sessions.Find(s => s.Id == sessionId && s.ExpiresAt > Now);
        if (session is null)
        {
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidToken);
        }
        if (SecretToken.Matches(secret, session.SpentRefreshHash))
        {
            // A spent refresh token came back: someone holds a copy, so the whole session ends.
            await EndSession(sessionId);
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidToken);
        }
        if (!SecretToken.Matches(secret, session.RefreshHash))
        {
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidToken);
        }
        var next = SecretToken.NewSecret();
        session.SpentRefreshHash = session.RefreshHash;
        session.RefreshHash = SecretToken.Hash(next);
        session.LastSeenAt = Now;
        await state.WriteStateAsync();
        return Result<TokenPair, AuthFailure>.Ok(Pair(sessionId, next));
    }

    public async Task EndSession(Guid sessionId)
    {
        if (User.Sessions.RemoveAll(s => s.Id == sessionId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task EndAllSessions()
    {
        User.Sessions.Clear();
        await state.WriteStateAsync();
    }

    public Task<bool> IsSessionActive(Guid sessionId)
    {
        var session = User.Sessions.Find(s => s.Id == sessionId && s.ExpiresAt > Now);
        if (session is null)
        {
            return Task.FromResult(false);
        }
        // Kept in memory only (a write per request would cost a database round trip); the next state write saves it.
        session.LastSeenAt = Now;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<SessionView>> ListSessions(Guid currentSessionId) =>
        Task.FromResult<IReadOnlyList<SessionView>>(User.Sessions
            .Where(s => s.ExpiresAt > Now)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(
                // Sessions saved before last-seen times were kept have none: their start is the best answer.
                s.Id, s.CreatedAt, s.LastSeenAt == default ? s.CreatedAt : s.LastSeenAt, s.UserAgent, s.Id == currentSessionId))
            .ToList());

    public async Task<Result<TokenPair, AuthFailure>> LinkGoogleAndSignIn(GoogleIdentity google, string? userAgent)
    {
        if (!state.RecordExists || !User.EmailVerified || !google.EmailVerified
            || (User.GoogleId is not null && User.GoogleId != google.Subject))
        {
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.GoogleLinkRefused);
        }
        if (!await GrainFactory.GetGrain<IUniqueIndexGrain>(UniqueIndexKeys.Google(google.Subject)).Claim(UserId))
        {
            // Another sign-in with this Google account won the race; the caller looks the link up again.
            return Result<TokenPair, AuthFailure>.Fail(AuthFailure.InvalidToken);
        }
        if (User.PasswordHash is not null)
        {
            // Whoever knew the password before Google vouched for the owner is signed out.
            User.Sessions.Clear();
        }
        User.GoogleId = google.Subject;
        User.UpdatedAt = Now;
        return Result<TokenPair, AuthFailure>.Ok(await StartSession(userAgent));
    }

    public async Task<AuthFailure> LinkGoogle(GoogleIdentity google)
    {
        if (User.GoogleId == google.Subject)
        {
            return AuthFailure.None;
        }
        if (User.GoogleId is not null
            || !await GrainFactory.GetGrain<IUniqueIndexGrain>(UniqueIndexKeys.Google(google.Subject)).Claim(UserId))
        {
            return AuthFailure.GoogleLinkRefused;
        }
        User.GoogleId = google.Subject;
        User.UpdatedAt = Now;
        await state.WriteStateAsync();
        return AuthFailure.None;
    }

    public async Task SendPasswordReset()
    {
        if (!state.RecordExists)
        {
            return;
        }
        var token = IssueOneTimeToken(options.ResetTokenLifetime, t => User.ResetToken = t);
        await state.WriteStateAsync();
        await mail.SendAsync(emails.PasswordReset(User.Email, User.Username, token, User.AccessKeys.Count));
    }

    public async Task<Result<int, AuthFailure>> ResetPassword(string secret, string newPassword)
    {
        if (!IsValid(User.ResetToken, secret))
        {
            return Result<int, AuthFailure>.Fail(AuthFailure.InvalidToken);
        }
        var revokedKeys = await RevokeAllAccessKeysAsync();
        User.PasswordHash = await passwords.HashAsync(newPassword);
        User.ResetToken = null;
        User.Sessions.Clear();
        User.UpdatedAt = Now;
        await state.WriteStateAsync();
        await mail.SendAsync(emails.PasswordWasReset(User.Email, User.Username, revokedKeys));
        return Result<int, AuthFailure>.Ok(revokedKeys);
    }

    public async Task<AuthFailure> ChangePassword(Guid currentSessionId, string currentPassword, string newPassword)
    {
        if (User.PasswordHash is null)
        {
            return AuthFailure.NoPassword;
        }
        if (!await passwords.VerifyAsync(currentPassword, User.PasswordHash))
        {
            return AuthFailure.InvalidCredentials;
        }
        User.PasswordHash = await passwords.HashAsync(newPassword);
        User.Sessions.RemoveAll(s => s.Id != currentSessionId);
        User.UpdatedAt = Now;
        await state.WriteStateAsync();
        return AuthFailure.None;
    }

    public async Task<bool> VerifyEmail(string secret)
    {
        if (!IsValid(User.VerificationToken, secret))
        {
            return false;
        }
        User.EmailVerified = true;
        User.VerificationToken = null;
        User.UpdatedAt = Now;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ResendVerification()
    {
        if (!state.RecordExists || User.EmailVerified)
        {
            return;
        }
        var verification = IssueOneTimeToken(options.VerificationTokenLifetime, t => User.VerificationToken = t);
        await state.WriteStateAsync();
        await mail.SendAsync(emails.Verification(User.Email, User.Username, verification));
    }

    public async Task<Result<NewAccessKey, AuthFailure>> CreateAccessKey(string? name)
    {
        if (User.AccessKeys.Count >= options.MaxAccessKeysPerUser)
        {
            return Result<NewAccessKey, AuthFailure>.Fail(AuthFailure.TooManyKeys);
        }
        var id = "GO" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 18);
        var secret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
        await GrainFactory.GetGrain<IAccessKeyGrain>(id).Create(UserId, secret);
        var record = new AccessKeyRecord(id, name, Now);
        User.AccessKeys.Add(record);
        await state.WriteStateAsync();
        return Result<NewAccessKey, AuthFailure>.Ok(new NewAccessKey(id, secret, name, record.CreatedAt));
    }

    public Task<IReadOnlyList<AccessKeyView>> ListAccessKeys() =>
        Task.FromResult<IReadOnlyList<AccessKeyView>>(
            User.AccessKeys.Select(k => new AccessKeyView(k.AccessKeyId, k.Name, k.CreatedAt)).ToList());

    public async Task<bool> RevokeAccessKey(string accessKeyId)
    {
        var record = User.AccessKeys.Find(k => k.AccessKeyId == accessKeyId);
        if (record is null)
        {
            return false;
        }
        await GrainFactory.GetGrain<IAccessKeyGrain>(accessKeyId).Revoke(UserId);
        User.AccessKeys.Remove(record);
        await state.WriteStateAsync();
        return true;
    }

    /// <summary>Revokes every S3 key, and with it every presigned URL signed by one; the keys' state is saved by the caller.</summary>
    private async Task<int> RevokeAllAccessKeysAsync()
    {
        var count = User.AccessKeys.Count;
        foreach (var key in User.AccessKeys.ToList())
        {
            await GrainFactory.GetGrain<IAccessKeyGrain>(key.AccessKeyId).Revoke(UserId);
            User.AccessKeys.Remove(key);
        }
        return count;
    }

    private async Task<bool> ChangeUsernameAsync(string username)
    {
        var claimed = await GrainFactory.GetGrain<IUniqueIndexGrain>(UniqueIndexKeys.Username(username)).Claim(UserId);
        if (!claimed)
        {
            return false;
        }
        var previous = User.Username;
        User.Username = username;
        if (!string.Equals(UniqueIndexKeys.Username(previous), UniqueIndexKeys.Username(username), StringComparison.Ordinal))
        {
            await GrainFactory.GetGrain<IUniqueIndexGrain>(UniqueIndexKeys.Username(previous)).Release(UserId);
        }
        return true;
    }

    private string IssueOneTimeToken(TimeSpan lifetime, Action<OneTimeToken> store)
    {
        var secret = SecretToken.NewSecret();
        store(new OneTimeToken(SecretToken.Hash(secret), Now + lifetime));
        return SecretToken.Encode(UserId, secret);
    }

    private bool IsValid(OneTimeToken? token, string secret) =>
        state.RecordExists && token is not null && token.ExpiresAt > Now && SecretToken.Matches(secret, token.Hash);

    private TokenPair Pair(Guid sessionId, string refreshSecret)
    {
        var (accessToken, expiresIn) = tokens.Issue(UserId, sessionId);
        return new TokenPair(accessToken, expiresIn, SecretToken.Encode(UserId, SecretToken.Encode(sessionId, refreshSecret)));
    }

    private UserView View() => new(
        UserId, User.Username, User.Email, User.EmailVerified, User.FirstName, User.LastName,
        User.PhoneNumber, User.BirthDate, User.GoogleId is not null, User.CreatedAt, User.UpdatedAt);
}
