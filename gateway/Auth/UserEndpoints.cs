using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>/api/users/me: the signed-in user's profile.</summary>
internal static class UserEndpoints
{
    public sealed record ProfileBody(string? FirstName, string? LastName, string? PhoneNumber, string? BirthDate, string? Username) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            if (Username is not null)
            {
                errors.Username("username", Username);
            }
            errors.ProfileFields(FirstName, LastName, PhoneNumber, BirthDate);
        }
    }

    public sealed record PasswordBody(string? CurrentPassword, string? NewPassword) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            errors.Required("currentPassword", CurrentPassword);
            errors.MaxLength("currentPassword", CurrentPassword, 128);
            errors.Password("newPassword", NewPassword);
        }
    }

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        users.MapGet("/me", GetMeAsync);
        users.MapPatch("/me", UpdateMeAsync).WithJsonBody<ProfileBody>();
        users.MapPost("/me/password", ChangePasswordAsync).WithJsonBody<PasswordBody>().LimitPerAddress(RateLimits.Login);
        users.MapPost("/me/google", LinkGoogleAsync).WithJsonBody<GoogleTokenBody.Body>().LimitPerAddress(RateLimits.Login);
    }

    private static async Task<IResult> GetMeAsync(HttpContext context, IClusterClient cluster)
    {
        var user = await cluster.GetGrain<IUserGrain>(context.User.UserId()).Get();
        return user is null ? Problems.NotFound() : Results.Ok(user);
    }

    private static async Task<IResult> UpdateMeAsync(JsonBody<ProfileBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        var result = await cluster.GetGrain<IUserGrain>(context.User.UserId())
            .Update(new ProfileChange(body.FirstName, body.LastName, body.PhoneNumber, FieldErrors.ParseDate(body.BirthDate), body.Username));
        return result.Failure switch
        {
            AuthFailure.None => Results.Ok(result.Value),
            AuthFailure.UsernameTaken => Problems.Conflict("Username taken", "This username is taken."),
            _ => Problems.NotFound(),
        };
    }

    private static async Task<IResult> ChangePasswordAsync(JsonBody<PasswordBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
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
    private static async Task<IResult> LinkGoogleAsync(JsonBody<GoogleTokenBody.Body> json, HttpContext context, IClusterClient cluster, GoogleIdTokenValidator google)
    {
        var (identity, problem) = await GoogleTokenBody.VerifyAsync(
            json.Value, context.Request, google, Problems.Validation("idToken", "The Google ID token is invalid."));
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
