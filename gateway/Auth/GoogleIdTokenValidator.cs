using GalleryOrleans.Abstractions.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>Bound from "Google": the OAuth client id tokens must be issued for, and Google's key set.</summary>
public sealed class GoogleOptions
{
    public const string Section = "Google";

    public string? ClientId { get; set; }
    public string JwksUrl { get; set; } = "https://www.googleapis.com/oauth2/v3/certs";
    public string[] Issuers { get; set; } = ["https://accounts.google.com", "accounts.google.com"];
}

/// <summary>
/// Checks a Google ID token: signature against Google's published keys (cached, refetched when a
/// token names a key we do not have yet), issuer, audience = our client id, and expiry.
/// </summary>
internal sealed class GoogleIdTokenValidator(GoogleOptions options, HttpClient http, TimeProvider clock)
{
    private static readonly TimeSpan KeyCacheLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRefetchInterval = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler handler = new();
    private readonly SemaphoreSlim refetch = new(1, 1);
    private IList<SecurityKey> keys = [];
    private DateTimeOffset fetchedAt = DateTimeOffset.MinValue;

    public bool Configured => !string.IsNullOrEmpty(options.ClientId);

    /// <summary>The OAuth client id the browser's Google button asks tokens for; null when Google is not configured.</summary>
    public string? ClientId => Configured ? options.ClientId : null;

    public async Task<GoogleIdentity?> ValidateAsync(string idToken, CancellationToken cancellationToken)
    {
        if (!Configured || !handler.CanReadToken(idToken))
        {
            return null;
        }
        string? kid;
        try
        {
            kid = handler.ReadJsonWebToken(idToken).Kid;
        }
        catch (ArgumentException)
        {
            return null; // three dot-separated parts that are not a JWT (SecurityTokenMalformedException): a 400, not a 500
        }
        await EnsureKeysAsync(kid, cancellationToken);
        var result = await handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuers = options.Issuers,
            ValidAudience = options.ClientId,
            IssuerSigningKeys = keys,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && end > clock.GetUtcNow().UtcDateTime.AddMinutes(-1)
                && (notBefore is null || notBefore <= clock.GetUtcNow().UtcDateTime.AddMinutes(1)),
        });
        if (!result.IsValid || Claim(result.Claims, "sub") is not string subject || subject.Length == 0)
        {
            return null;
        }
        return new GoogleIdentity(
            subject,
            Claim(result.Claims, "email") as string,
            Claim(result.Claims, "email_verified") is true or "true",
            Claim(result.Claims, "given_name") as string,
            Claim(result.Claims, "family_name") as string);
    }

    private static object? Claim(IDictionary<string, object> claims, string name) =>
        claims.TryGetValue(name, out var value) ? value : null;

    private async Task EnsureKeysAsync(string? kid, CancellationToken cancellationToken)
    {
        var age = clock.GetUtcNow() - fetchedAt;
        var known = kid is null || keys.Any(k => k.KeyId == kid);
        if (age < KeyCacheLifetime && (known || age < MinimumRefetchInterval))
        {
            return;
        }
        await refetch.WaitAsync(cancellationToken);
        try
        {
            var json = await http.GetStringAsync(options.JwksUrl, cancellationToken);
            keys = new JsonWebKeySet(json).GetSigningKeys();
            fetchedAt = clock.GetUtcNow();
        }
        finally
        {
            refetch.Release();
        }
    }
}
