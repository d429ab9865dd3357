using System.Globalization;
using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>The public account routes of /api/auth and logout.</summary>
internal static class AuthEndpoints
{
    public sealed record RegisterBody(
        string? Username, string? Email, string? Password, string? FirstName, string? LastName, string? PhoneNumber, string? BirthDate) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            errors.Username("username", Username);
            errors.Email("email", Email);
            errors.Password("password", Password);
            errors.ProfileFields(FirstName, LastName, PhoneNumber, BirthDate);
        }
    }

    public sealed record LoginBody(string? Email, string? Password) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            errors.Required("email", Email);
            errors.MaxLength("email", Email, 254);
            errors.Required("password", Password);
            errors.MaxLength("password", Password, 128);
        }
    }

    public sealed record RefreshBody(string? RefreshToken) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context) => errors.Required("refreshToken", RefreshToken);
    }

    public sealed record EmailBody(string? Email) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context) => errors.Email("email", Email);
    }

    public sealed record ResetBody(string? Token, string? NewPassword) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            errors.Required("token", Token);
            errors.Password("newPassword", NewPassword);
        }
    }

    public sealed record TokenBody(string? Token) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context) => errors.Required("token", Token);
    }

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

    /// <summary>How many S3 access keys a password reset revoked (the answer is 204, so the count travels as a header).</summary>
    public const string RevokedAccessKeysHeader = "X-Revoked-Access-Keys";

    public const string GoogleLinkRefusedDetail = "Sign in with your password and link Google from your profile.";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/register", RegisterAsync).WithJsonBody<RegisterBody>().LimitPerAddress(RateLimits.Register);
        auth.MapPost("/login", LoginAsync).WithJsonBody<LoginBody>().LimitPerAddress(RateLimits.Login);
        auth.MapPost("/refresh", RefreshAsync).WithJsonBody<RefreshBody>().LimitPerAddress(RateLimits.Login);
        // Public: the sign-in and settings pages read it to show (or hide) Google's button.
        auth.MapGet("/google/client", (GoogleIdTokenValidator google) => Results.Ok(new { clientId = google.ClientId }));
        auth.MapPost("/google", GoogleAsync).WithJsonBody<GoogleTokenBody.Body>().LimitPerAddress(RateLimits.Login);
        auth.MapPost("/forgot-password", ForgotPasswordAsync).WithJsonBody<EmailBody>().LimitPerAddress(RateLimits.ForgotPassword);
        auth.MapPost("/reset-password", ResetPasswordAsync).WithJsonBody<ResetBody>().LimitPerAddress(RateLimits.ResetPassword);
        auth.MapPost("/verify-email", VerifyEmailAsync).WithJsonBody<TokenBody>().LimitPerAddress(RateLimits.ResetPassword);
        auth.MapPost("/resend-verification", ResendVerificationAsync).RequireAuthorization();
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization();
    }

    private static async Task<IResult> RegisterAsync(JsonBody<RegisterBody> json, HttpRequest request, IClusterClient cluster)
    {
        var body = json.Value;
        var result = await cluster.GetGrain<IAuthGrain>(0).Register(new Registration(
            body.Username!.Trim(), body.Email!.Trim(), body.Password, body.FirstName, body.LastName, body.PhoneNumber, FieldErrors.ParseDate(body.BirthDate)));
        return result.Failure switch
        {
            AuthFailure.None => Results.Created("/api/users/me", result.Value),
            AuthFailure.EmailTaken => Problems.Conflict("Email taken", "An account with this email exists."),
            _ => Problems.Conflict("Username taken", "This username is taken."),
        };
    }

    private static async Task<IResult> LoginAsync(JsonBody<LoginBody> json, HttpContext context, IClusterClient cluster, AccountThrottle throttle)
    {
        var body = json.Value;
        var account = body.Email!.Trim();
        if (await throttle.AttemptLoginAsync(context, account) is { } limited)
        {
            return limited;
        }
        var result = await cluster.GetGrain<IAuthGrain>(0).Login(account, body.Password!, UserAgent(context.Request));
        if (!result.Succeeded)
        {
            return Problems.Unauthorized("Invalid credentials", "The email or password is wrong.");
        }
        await throttle.ForgiveLoginAsync(context, account);
        return Results.Ok(ToResponse(result.Value!));
    }

    private static async Task<IResult> RefreshAsync(JsonBody<RefreshBody> json, HttpRequest request, IClusterClient cluster)
    {
        var body = json.Value;
        var result = await cluster.GetGrain<IAuthGrain>(0).Refresh(body.RefreshToken!);
        return result.Succeeded
            ? Results.Ok(ToResponse(result.Value!))
            : Problems.Unauthorized("Invalid refresh token");
    }

    private static async Task<IResult> GoogleAsync(JsonBody<GoogleTokenBody.Body> json, HttpRequest request, IClusterClient cluster, GoogleIdTokenValidator google)
    {
        var (identity, problem) = await GoogleTokenBody.VerifyAsync(json.Value, request, google, Problems.Unauthorized("Invalid Google ID token"));
        if (identity is null)
        {
            return problem!;
        }
        var result = await cluster.GetGrain<IAuthGrain>(0).SignInWithGoogle(identity, UserAgent(request));
        return result.Succeeded
            ? Results.Ok(ToResponse(result.Value!))
            : Problems.Conflict("An account with this email exists", GoogleLinkRefusedDetail);
    }

    private static async Task<IResult> ForgotPasswordAsync(JsonBody<EmailBody> json, HttpRequest request, IClusterClient cluster, AccountThrottle throttle)
    {
        var body = json.Value;
        // Over the per-account limit the answer stays 202 (no enumeration); the email is just not sent. The call is one-way:
        // the lookup and the mail happen after this answer, so known and unknown addresses take the same time.
        if (await throttle.AllowForgotPasswordAsync(body.Email!))
        {
            await cluster.GetGrain<IAuthGrain>(0).ForgotPassword(body.Email!.Trim());
        }
        return Results.Accepted();
    }

    private static async Task<IResult> ResetPasswordAsync(JsonBody<ResetBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        var result = await cluster.GetGrain<IAuthGrain>(0).ResetPassword(body.Token!, body.NewPassword!);
        if (!result.Succeeded)
        {
            return Problems.Validation("token", "The reset link is invalid, used or expired.");
        }
        context.Response.Headers[RevokedAccessKeysHeader] = result.Value.ToString(CultureInfo.InvariantCulture);
        return Results.NoContent();
    }

    private static async Task<IResult> VerifyEmailAsync(JsonBody<TokenBody> json, HttpRequest request, IClusterClient cluster)
    {
        var body = json.Value;
        return await cluster.GetGrain<IAuthGrain>(0).VerifyEmail(body.Token!)
            ? Results.NoContent()
            : Problems.Validation("token", "The verification link is invalid, used or expired.");
    }

    private static async Task<IResult> ResendVerificationAsync(HttpContext context, IClusterClient cluster, AccountThrottle throttle)
    {
        var userId = context.User.UserId();
        if (await throttle.AttemptResendVerificationAsync(userId) is { } limited)
        {
            return limited;
        }
        await cluster.GetGrain<IUserGrain>(userId).ResendVerification();
        return Results.Accepted();
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IClusterClient cluster)
    {
        await cluster.GetGrain<IUserGrain>(context.User.UserId()).EndSession(context.User.SessionId());
        return Results.NoContent();
    }

    /// <summary>The client's own description, shown in the list of sessions; cut short so it cannot bloat the user's state.</summary>
    public static string? UserAgent(HttpRequest request) =>
        request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 200)] : null;

    private static TokenResponse ToResponse(TokenPair pair) => new(pair.AccessToken, "Bearer", pair.ExpiresIn, pair.RefreshToken);
}
