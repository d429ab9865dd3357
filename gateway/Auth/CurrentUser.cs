using System.Security.Claims;

namespace GalleryOrleans.Gateway.Auth;

/// <summary>The user id and session id of a validated access token.</summary>
internal static class CurrentUser
{
    public static Guid UserId(this ClaimsPrincipal principal) => ReadGuid(principal, "sub");

    public static Guid SessionId(this ClaimsPrincipal principal) => ReadGuid(principal, "sid");

    private static Guid ReadGuid(ClaimsPrincipal principal, string claim) =>
        Guid.TryParse(principal.FindFirstValue(claim), out var value)
            ? value
            : throw new InvalidOperationException($"The token has no '{claim}' claim; the endpoint must require authorization.");
}
