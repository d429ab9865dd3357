using System.Globalization;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>
/// Limits on guessing, per client address and per account, all counted by <see cref="AccountThrottle"/> in grains.
/// Each limit is a count per window, from the "RateLimits" section.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public Limit LoginPerIp { get; set; } = new(20, 60);
    /// <summary>Wrong passwords per account from one client; other clients are not refused.</summary>
    public Limit LoginPerAccount { get; set; } = new(10, 900);

    /// <summary>The longest wait the account-wide back-off puts on a login once many clients have failed on one account.</summary>
    public int LoginBackoffMaxSeconds { get; set; } = 3;
    public Limit RegisterPerIp { get; set; } = new(10, 3600);
    public Limit ForgotPasswordPerIp { get; set; } = new(10, 3600);
    public Limit ForgotPasswordPerAccount { get; set; } = new(3, 3600);
    public Limit ResetPasswordPerIp { get; set; } = new(20, 3600);
    public Limit ResendVerificationPerAccount { get; set; } = new(3, 3600);

    public sealed record Limit(int Permits, int WindowSeconds)
    {
        public Limit() : this(10, 60)
        {
        }
    }
}

/// <summary>
/// The per-address limits, counted like the per-account ones by a throttle grain (keyed by purpose and client address)
/// so that every gateway replica shares them: N replicas behind a load balancer still give a client the limit once.
/// </summary>
internal static class RateLimits
{
    public const string Login = "login";
    public const string Register = "register";
    public const string ForgotPassword = "forgot-password";
    public const string ResetPassword = "reset-password";
    public const string ResendVerification = "resend-verification";

    public static void AddGalleryRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<AccountThrottle>();
    }

    /// <summary>Refuses the route with 429 once the client address has used the policy's permits for the window.</summary>
    public static RouteHandlerBuilder LimitPerAddress(this RouteHandlerBuilder route, string policy) =>
        route.AddEndpointFilter(async (context, next) =>
            await context.HttpContext.RequestServices.GetRequiredService<AccountThrottle>().AttemptFromAddressAsync(context.HttpContext, policy)
                ?? await next(context));

    public static IResult TooManyRequests(TimeSpan retryAfter) => new RetryAfterResult(retryAfter);

    private sealed class RetryAfterResult(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"Try again in {seconds} seconds.").ExecuteAsync(httpContext);
        }
    }
}
