using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>The <c>{idToken}</c> body of the Google routes, read and checked against Google's keys.</summary>
internal static class GoogleTokenBody
{
    public sealed record Body(string? IdToken);

    /// <summary>The identity Google vouches for, or the problem to answer (invalidToken when the token does not check out).</summary>
    public static async Task<(GoogleIdentity? Identity, IResult? Problem)> ReadAsync(
        HttpRequest request, GoogleIdTokenValidator google, IResult invalidToken)
    {
        var (body, problem) = await request.ReadJsonAsync<Body>();
        if (body is null)
        {
            return (null, problem!);
        }
        var errors = new FieldErrors();
        errors.Required("idToken", body.IdToken);
        errors.MaxLength("idToken", body.IdToken, 8192);
        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }
        if (!google.Configured)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Google sign-in is not configured"));
        }
        var identity = await google.ValidateAsync(body.IdToken!, request.HttpContext.RequestAborted);
        return identity is null ? (null, invalidToken) : (identity, null);
    }
}
