using GalleryOrleans.Gateway.Http;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>
/// Limits on guessing: per client address (ASP.NET Core rate limiter policies) and per account
/// (checked in the handlers, which know the account, by <see cref="AccountThrottle"/>). Each limit is a
/// count per window, from the "RateLimits" section.
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

        public FixedWindowRateLimiterOptions ToOptions() => new()
        {
            PermitLimit = Permits,
            Window = TimeSpan.FromSeconds(WindowSeconds),
            QueueLimit = 0,
        };
    }
}

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
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                return new ValueTask(TooManyRequests(retryAfter).ExecuteAsync(context.HttpContext));
            };
            AddPerIp(limiter, Login, options.LoginPerIp);
            AddPerIp(limiter, Register, options.RegisterPerIp);
            AddPerIp(limiter, ForgotPassword, options.ForgotPasswordPerIp);
            AddPerIp(limiter, ResetPassword, options.ResetPasswordPerIp);
        });
    }

    public static IResult TooManyRequests(TimeSpan retryAfter) => new RetryAfterResult(retryAfter);

    private static void AddPerIp(RateLimiterOptions limiter, string policy, RateLimitOptions.Limit limit) =>
        limiter.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress.Key(context), _ => limit.ToOptions()));

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
