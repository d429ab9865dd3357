using GalleryOrleans.Gateway.Http;
using GalleryOrleans.Abstractions.Auth;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>
/// Per-account and per-address limits, counted by throttle grains so that every gateway replica shares them. Logins are
/// limited per account and client address, and slowed (never refused) for everyone once the account sees many
/// failures: a stranger's guesses lock out only the stranger.
/// </summary>
internal sealed class AccountThrottle(IClusterClient cluster, RateLimitOptions options)
{
    /// <summary>Counts for the account as a whole, not per client.</summary>
    private const string AnyClient = "*";

    /// <summary>Null when the login may be tried (after any back-off wait), else the 429 answer for this client.</summary>
    public Task<IResult?> AttemptLoginAsync(HttpContext context, string account) => AttemptAsync(
        LoginKey(account), ClientAddress.Key(context),
        Limit(options.LoginPerAccount, TimeSpan.FromSeconds(options.LoginBackoffMaxSeconds)), context.RequestAborted);

    /// <summary>A right password: this client's failures on the account are forgotten.</summary>
    public Task ForgiveLoginAsync(HttpContext context, string account) =>
        cluster.GetGrain<IAccountThrottleGrain>(LoginKey(account)).Forgive(ClientAddress.Key(context));

    /// <summary>False once the address has had its reset emails for the window (the caller still answers 202).</summary>
    public async Task<bool> AllowForgotPasswordAsync(string email) =>
        await AttemptAsync(Key(RateLimits.ForgotPassword, email), AnyClient, Limit(options.ForgotPasswordPerAccount), CancellationToken.None) is null;

    /// <summary>Null when the client address has permits left for the route's policy, else its 429 answer.</summary>
    public Task<IResult?> AttemptFromAddressAsync(HttpContext context, string policy) => AttemptAsync(
        Key($"{policy}-per-address", ClientAddress.Key(context)), AnyClient, Limit(PerAddress(policy)), context.RequestAborted);

    public Task<IResult?> AttemptResendVerificationAsync(Guid userId) => AttemptAsync(
        Key(RateLimits.ResendVerification, userId.ToString("N")), AnyClient, Limit(options.ResendVerificationPerAccount), CancellationToken.None);

    private async Task<IResult?> AttemptAsync(string key, string client, ThrottleLimit limit, CancellationToken cancellationToken)
    {
        var verdict = await cluster.GetGrain<IAccountThrottleGrain>(key).Attempt(client, limit);
        if (!verdict.Allowed)
        {
            return RateLimits.TooManyRequests(verdict.RetryAfter);
        }
        if (verdict.Delay > TimeSpan.Zero)
        {
            await Task.Delay(verdict.Delay, cancellationToken);
        }
        return null;
    }

    private RateLimitOptions.Limit PerAddress(string policy) => policy switch
    {
        RateLimits.Login => options.LoginPerIp,
        RateLimits.Register => options.RegisterPerIp,
        RateLimits.ForgotPassword => options.ForgotPasswordPerIp,
        RateLimits.ResetPassword => options.ResetPasswordPerIp,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No per-address limit has this name."),
    };

    private static ThrottleLimit Limit(RateLimitOptions.Limit limit, TimeSpan? maxDelay = null) =>
        new(limit.Permits, TimeSpan.FromSeconds(limit.WindowSeconds), maxDelay ?? TimeSpan.Zero);

    private static string LoginKey(string account) => Key(RateLimits.Login, account);

    private static string Key(string purpose, string account) => $"{purpose}:{account.Trim().ToLowerInvariant()}";
}
