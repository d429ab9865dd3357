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

    public async Task<TokenPair?> SignInWithPassword(string password)
    {
        if (!state.RecordExists)
        {
            await passwords.VerifyUnknownAccountAsync(password);
            return null;
        }
        return await passwords.VerifyAsync(password, User.PasswordHash) ? await StartSession() : null;
    }

    public async Task<TokenPair> StartSession()
    {
        var secret = SecretToken.NewSecret();
        var session = new SessionRecord
        {
            Id = Guid.NewGuid(),
            RefreshHash = SecretToken.Hash(secret),
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(options.RefreshTokenDays),
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

    public Task<bool> IsSessionActive(Guid sessionId) =>
        Task.FromResult(User.Sessions.Exists(s => s.Id == sessionId && s.ExpiresAt > Now));

    public async Task<UserView> LinkGoogle(GoogleIdentity google)
    {
        User.GoogleId = google.Subject;
        User.EmailVerified |= google.EmailVerified;
        User.UpdatedAt = Now;
        await state.WriteStateAsync();
        return View();
    }

    public async Task SendPasswordReset()
    {
        if (!state.RecordExists)
        {
            return;
        }
        var token = IssueOneTimeToken(options.ResetTokenLifetime, t => User.ResetToken = t);
        await state.WriteStateAsync();
        await mail.SendAsync(emails.PasswordReset(User.Email, User.Username, token));
    }

    public async Task<bool> ResetPassword(string secret, string newPassword)
    {
        if (!IsValid(User.ResetToken, secret))
        {
            return false;
        }
        User.PasswordHash = await passwords.HashAsync(newPassword);
        User.ResetToken = null;
        User.Sessions.Clear();
        User.UpdatedAt = Now;
        await state.WriteStateAsync();
        return true;
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
