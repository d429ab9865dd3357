using System.Security.Claims;
using GalleryOrleans.Abstractions.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GalleryOrleans.Grains.Auth;

/// <summary>Signs short-lived access JWTs that carry the user id (sub) and the session id (sid).</summary>
public sealed class AccessTokenIssuer(TokenSettings settings, TimeProvider clock)
{
    private readonly SigningCredentials credentials = new(
        new SymmetricSecurityKey(settings.JwtSigningKey()), SecurityAlgorithms.HmacSha256);
    private readonly JsonWebTokenHandler handler = new();

    public (string Token, int ExpiresIn) Issue(Guid userId, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(settings.AccessTokenMinutes);
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                new Claim(JwtRegisteredClaimNames.Sid, sessionId.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = credentials,
        });
        return (token, (int)lifetime.TotalSeconds);
    }
}
