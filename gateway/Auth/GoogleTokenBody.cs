using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>The <c>{idToken}</c> body of the Google routes, checked against Google's keys.</summary>
internal static class GoogleTokenBody
{
    public sealed record Body(string? IdToken) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            errors.Required("idToken", IdToken);
            errors.MaxLength("idToken", IdToken, 8192);
        }
    }

    /// <summary>The identity Google vouches for, or the problem to answer (invalidToken when the token does not check out).</summary>
    public static async Task<(GoogleIdentity? Identity, IResult? Problem)> VerifyAsync(
        Body body, HttpRequest request, GoogleIdTokenValidator google, IResult invalidToken)
    {
        if (!google.Configured)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Google sign-in is not configured"));
        }
        var identity = await google.ValidateAsync(body.IdToken!, request.HttpContext.RequestAborted);
        return identity is null ? (null, invalidToken) : (identity, null);
    }
}
