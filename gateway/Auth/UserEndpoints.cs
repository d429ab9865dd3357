using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>/api/users/me: the signed-in user's profile.</summary>
internal static class UserEndpoints
{
    public sealed record ProfileBody(string? FirstName, string? LastName, string? PhoneNumber, string? BirthDate, string? Username);

    public sealed record PasswordBody(string? CurrentPassword, string? NewPassword);

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        users.MapGet("/me", GetMeAsync);
        users.MapPatch("/me", UpdateMeAsync).Accepts<ProfileBody>("application/json");
        users.MapPost("/me/password", ChangePasswordAsync).Accepts<PasswordBody>("application/json").LimitPerAddress(RateLimits.Login);
        users.MapPost("/me/google", LinkGoogleAsync).Accepts<GoogleTokenBody.Body>("application/json").LimitPerAddress(RateLimits.Login);
    }

    private static async Task<IResult> GetMeAsync(HttpContext context, IClusterClient cluster)
    {
        var user = await cluster.GetGrain<IUserGrain>(context.User.UserId()).Get();
        return user is null ? Problems.NotFound() : Results.Ok(user);
    }

    private static async Task<IResult> UpdateMeAsync(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await context.Request.ReadJsonAsync<ProfileBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        if (body.Username is not null)
        {
            errors.Username("username", body.Username);
        }
        var birthDate = errors.ProfileFields(body.FirstName, body.LastName, body.PhoneNumber, body.BirthDate);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var result = await cluster.GetGrain<IUserGrain>(context.User.UserId())
            .Update(new ProfileChange(body.FirstName, body.LastName, body.PhoneNumber, birthDate, body.Username));
        return result.Failure switch
        {
            AuthFailure.None => Results.Ok(result.Value),
            AuthFailure.UsernameTaken => Problems.Conflict("Username taken", "This username is taken."),
            _ => Problems.NotFound(),
        };
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await context.Request.ReadJsonAsync<PasswordBody>();
        if (body is null)
        {
            return problem!;
        }
        var errors = new FieldErrors();
        errors.Required("currentPassword", body.CurrentPassword);
        errors.MaxLength("currentPassword", body.CurrentPassword, 128);
        errors.Password("newPassword", body.NewPassword);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var failure = await cluster.GetGrain<IUserGrain>(context.User.UserId())
            .ChangePassword(context.User.SessionId(), body.CurrentPassword!, body.NewPassword!);
        return failure switch
        {
            AuthFailure.None => Results.NoContent(),
            AuthFailure.NoPassword => Problems.Validation("currentPassword", "This account has no password yet; set one through the forgot-password link."),
            _ => Problems.Validation("currentPassword", "The current password is wrong."),
        };
    }

    /// <summary>Links Google to the signed-in account: the way in when Google sign-in refused to join an unverified account.</summary>
    private static async Task<IResult> LinkGoogleAsync(HttpContext context, IClusterClient cluster, GoogleIdTokenValidator google)
    {
        var (identity, problem) = await GoogleTokenBody.ReadAsync(
            context.Request, google, Problems.Validation("idToken", "The Google ID token is invalid."));
        if (identity is null)
        {
            return problem!;
        }
        var user = cluster.GetGrain<IUserGrain>(context.User.UserId());
        return await user.LinkGoogle(identity) == AuthFailure.None
            ? Results.Ok(await user.Get())
            : Problems.Conflict("Google account linked elsewhere", "This Google account is linked to another account, or this account to another Google account.");
    }
}
