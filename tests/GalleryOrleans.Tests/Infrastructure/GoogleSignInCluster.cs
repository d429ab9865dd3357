using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A cluster whose gateway trusts a local stand-in for Google's key set.</summary>
public sealed class GoogleSignInCluster : GalleryCluster
{
    public const string ClientId = "gallery-test.apps.googleusercontent.com";
    private readonly int jwksPort = FreePort.Next();
    private WebApplication? jwks;

    public GoogleSignInCluster() : base(siloCount: 1, withGateway: true)
    {
    }

    public RsaSecurityKey GoogleKey { get; } = new(RSA.Create(2048)) { KeyId = "google-test-key" };

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{jwksPort}");
        jwks = builder.Build();
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(GoogleKey.Rsa.ExportParameters(false)) { KeyId = GoogleKey.KeyId });
        var document = $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{publicKey.Kid}}","n":"{{publicKey.N}}","e":"{{publicKey.E}}"}]}""";
        jwks.MapGet("/certs", () => Results.Text(document, "application/json"));
        await jwks.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (jwks is not null)
        {
            await jwks.DisposeAsync();
        }
    }

    public string IdToken(string subject, string? email = null, bool emailVerified = true, string audience = ClientId,
        DateTime? expires = null, SecurityKey? signingKey = null)
    {
        var claims = new List<Claim> { new("sub", subject), new("email_verified", emailVerified ? "true" : "false", ClaimValueTypes.Boolean) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://accounts.google.com",
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(signingKey ?? GoogleKey, SecurityAlgorithms.RsaSha256),
        });
    }

    protected override IDictionary<string, string?> CommonSettings()
    {
        var settings = base.CommonSettings();
        settings["Google:ClientId"] = ClientId;
        settings["Google:JwksUrl"] = $"http://127.0.0.1:{jwksPort}/certs";
        return settings;
    }
}
