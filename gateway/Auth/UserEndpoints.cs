using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>/api/users/me: the signed-in user's profile.</summary>
internal static class UserEndpoints
{
    public sealed record ProfileBody(string? FirstName, string? LastName, string? PhoneNumber, string? BirthDate, string? Username);

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        users.MapGet("/me", GetMeAsync);
        users.MapPatch("/me", UpdateMeAsync).Accepts<ProfileBody>("application/json");
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
}
