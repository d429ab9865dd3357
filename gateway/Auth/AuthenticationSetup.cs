using GalleryOrleans.Abstractions.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>
/// Our access tokens and Google ID tokens. Access tokens: signature, issuer, audience and lifetime are checked locally; then one call to the
/// user's grain (in memory once activated) rejects tokens whose session has ended.
/// </summary>
internal static class AuthenticationSetup
{
    public static void AddGalleryAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        var signingKey = new SymmetricSecurityKey(settings.JwtSigningKey());
        builder.Services.AddSingleton(settings);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = signingKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = RejectEndedSessionsAsync };
            });
        builder.Services.AddAuthorization();

        var google = builder.Configuration.GetSection(GoogleOptions.Section).Get<GoogleOptions>() ?? new GoogleOptions();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(provider => new GoogleIdTokenValidator(
            google, provider.GetRequiredService<IHttpClientFactory>().CreateClient("google"), TimeProvider.System));
    }

    private static async Task RejectEndedSessionsAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var cluster = context.HttpContext.RequestServices.GetRequiredService<IClusterClient>();
        var active = await cluster.GetGrain<IUserGrain>(principal.UserId()).IsSessionActive(principal.SessionId());
        if (!active)
        {
            context.Fail("The session has ended.");
        }
    }
}
