using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>The public account routes of /api/auth and logout.</summary>
internal static class AuthEndpoints
{
    public sealed record RegisterBody(
        string? Username, string? Email, string? Password, string? FirstName, string? LastName, string? PhoneNumber, string? BirthDate);

    public sealed record LoginBody(string? Email, string? Password);

    public sealed record RefreshBody(string? RefreshToken);

    public sealed record GoogleBody(string? IdToken);

    public sealed record EmailBody(string? Email);

    public sealed record ResetBody(string? Token, string? NewPassword);

    public sealed record TokenBody(string? Token);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/register", RegisterAsync).Accepts<RegisterBody>("application/json").RequireRateLimiting(RateLimits.Register);
        auth.MapPost("/login", LoginAsync).Accepts<LoginBody>("application/json").RequireRateLimiting(RateLimits.Login);
        auth.MapPost("/refresh", RefreshAsync).Accepts<RefreshBody>("application/json").RequireRateLimiting(RateLimits.Login);
        auth.MapPost("/google", GoogleAsync).Accepts<GoogleBody>("application/json").RequireRateLimiting(RateLimits.Login);
        auth.MapPost("/forgot-password", ForgotPasswordAsync).Accepts<EmailBody>("application/json").RequireRateLimiting(RateLimits.ForgotPassword);
        auth.MapPost("/reset-password", ResetPasswordAsync).Accepts<ResetBody>("application/json").RequireRateLimiting(RateLimits.ResetPassword);
        auth.MapPost("/verify-email", VerifyEmailAsync).Accepts<TokenBody>("application/json").RequireRateLimiting(RateLimits.ResetPassword);
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization();
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, IClusterClient cluster)
    {
        var (body, problem) = await request.ReadJsonAsync<RegisterBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Username("username", body.Username);
        errors.Email("email", body.Email);
        errors.Password("password", body.Password);
        var birthDate = errors.ProfileFields(body.FirstName, body.LastName, body.PhoneNumber, body.BirthDate);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var result = await cluster.GetGrain<IAuthGrain>(0).Register(new Registration(
            body.Username!.Trim(), body.Email!.Trim(), body.Password, body.FirstName, body.LastName, body.PhoneNumber, birthDate));
        return result.Failure switch
        {
            AuthFailure.None => Results.Created("/api/users/me", result.Value),
            AuthFailure.EmailTaken => Problems.Conflict("Email taken", "An account with this email exists."),
            _ => Problems.Conflict("Username taken", "This username is taken."),
        };
    }

    private static async Task<IResult> LoginAsync(HttpRequest request, IClusterClient cluster, AccountRateLimiter accounts)
    {
        var (body, problem) = await request.ReadJsonAsync<LoginBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Required("email", body.Email);
        errors.MaxLength("email", body.Email, 254);
        errors.Required("password", body.Password);
        errors.MaxLength("password", body.Password, 128);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (accounts.Check(RateLimits.Login, body.Email!) is { } limited)
        {
            return limited;
        }
        var result = await cluster.GetGrain<IAuthGrain>(0).Login(body.Email!.Trim(), body.Password!);
        return result.Succeeded
            ? Results.Ok(ToResponse(result.Value!))
            : Problems.Unauthorized("Invalid credentials", "The email or password is wrong.");
    }

    private static async Task<IResult> RefreshAsync(HttpRequest request, IClusterClient cluster)
    {
        var (body, problem) = await request.ReadJsonAsync<RefreshBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Required("refreshToken", body.RefreshToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var result = await cluster.GetGrain<IAuthGrain>(0).Refresh(body.RefreshToken!);
        return result.Succeeded
            ? Results.Ok(ToResponse(result.Value!))
            : Problems.Unauthorized("Invalid refresh token");
    }

    private static async Task<IResult> GoogleAsync(
        HttpRequest request, IClusterClient cluster, GoogleIdTokenValidator google, CancellationToken cancellationToken)
    {
        var (body, problem) = await request.ReadJsonAsync<GoogleBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Required("idToken", body.IdToken);
        errors.MaxLength("idToken", body.IdToken, 8192);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (!google.Configured)
        {
            return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Google sign-in is not configured");
        }
        var identity = await google.ValidateAsync(body.IdToken!, cancellationToken);
        if (identity is null)
        {
            return Problems.Unauthorized("Invalid Google ID token");
        }
        return Results.Ok(ToResponse(await cluster.GetGrain<IAuthGrain>(0).SignInWithGoogle(identity)));
    }

    private static async Task<IResult> ForgotPasswordAsync(HttpRequest request, IClusterClient cluster, AccountRateLimiter accounts)
    {
        var (body, problem) = await request.ReadJsonAsync<EmailBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Email("email", body.Email);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        // Over the per-account limit the answer stays 202 (no enumeration); the email is just not sent.
        if (accounts.Check(RateLimits.ForgotPassword, body.Email!) is null)
        {
            await cluster.GetGrain<IAuthGrain>(0).ForgotPassword(body.Email!.Trim());
        }
        return Results.Accepted();
    }

    private static async Task<IResult> ResetPasswordAsync(HttpRequest request, IClusterClient cluster)
    {
        var (body, problem) = await request.ReadJsonAsync<ResetBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Required("token", body.Token);
        errors.Password("newPassword", body.NewPassword);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        return await cluster.GetGrain<IAuthGrain>(0).ResetPassword(body.Token!, body.NewPassword!)
            ? Results.NoContent()
            : Problems.Validation("token", "The reset link is invalid, used or expired.");
    }

    private static async Task<IResult> VerifyEmailAsync(HttpRequest request, IClusterClient cluster)
    {
        var (body, problem) = await request.ReadJsonAsync<TokenBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Required("token", body.Token);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        return await cluster.GetGrain<IAuthGrain>(0).VerifyEmail(body.Token!)
            ? Results.NoContent()
            : Problems.Validation("token", "The verification link is invalid, used or expired.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IClusterClient cluster)
    {
        await cluster.GetGrain<IUserGrain>(context.User.UserId()).EndSession(context.User.SessionId());
        return Results.NoContent();
    }

    private static TokenResponse ToResponse(TokenPair pair) => new(pair.AccessToken, "Bearer", pair.ExpiresIn, pair.RefreshToken);
}
