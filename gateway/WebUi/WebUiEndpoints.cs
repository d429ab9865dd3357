using GalleryOrleans.Gateway.Auth;
using Microsoft.Extensions.FileProviders;

namespace GalleryOrleans.Gateway.WebUi;

/// <summary>
/// The browser app: plain files from wwwroot beside the gateway's binaries. The signed-in app is one page at
/// <c>/</c> with hash routes; visitors of a share link get their own page at <c>/share/{token}</c>, which reads
/// the public <c>/s/{token}</c> API. Every file goes out with a policy that lets only this origin's scripts and
/// styles run, so no inline script can.
/// </summary>
internal static class WebUiEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The app's page when Google is configured: Google Identity Services' script, its button's frame and styles, and
    /// its calls, from that one origin's /gsi/ paths (as Google documents for a CSP), so Settings can link Google.
    /// </summary>
    public const string ContentSecurityPolicyWithGoogle =
        "default-src 'self'; script-src 'self' https://accounts.google.com/gsi/client; " +
        "style-src 'self' https://accounts.google.com/gsi/style; img-src 'self' blob:; media-src 'self' blob:; " +
        "connect-src 'self' https://accounts.google.com/gsi/; frame-src https://accounts.google.com/gsi/; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static void UseWebUiFiles(this WebApplication app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new PhysicalFileProvider(Root),
        OnPrepareResponse = file => Protect(file.Context.Response, ContentSecurityPolicy),
    });

    public static void MapWebUiPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, GoogleIdTokenValidator google) =>
            Page(context, "index.html", google.Configured ? ContentSecurityPolicyWithGoogle : ContentSecurityPolicy)).ExcludeFromDescription();
        app.MapGet("/share/{token}", (HttpContext context) => Page(context, "share.html")).ExcludeFromDescription();
        // The pages the account emails link to.
        app.MapGet("/verify-email", (HttpContext context) => Page(context, "verify-email.html")).ExcludeFromDescription();
        app.MapGet("/reset-password", (HttpContext context) => Page(context, "reset-password.html")).ExcludeFromDescription();
    }

    public static string SharePagePath(string token) => $"/share/{Uri.EscapeDataString(token)}";

    /// <summary>A browser opening the address as a page (not a script's fetch, not an API client).</summary>
    public static bool IsPageNavigation(HttpRequest request) =>
        request.Headers["Sec-Fetch-Dest"] == "document"
        || (request.Headers["Sec-Fetch-Dest"].Count == 0
            && request.GetTypedHeaders().Accept.FirstOrDefault()?.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static IResult Page(HttpContext context, string file, string policy = ContentSecurityPolicy)
    {
        Protect(context.Response, policy);
        return Results.File(Path.Combine(Root, file), "text/html; charset=utf-8");
    }

    private static void Protect(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        // Share links carry their token in the path, and the account pages in the query; keep them out of Referer headers.
        response.Headers["Referrer-Policy"] = "no-referrer";
        // Revalidate each time (ETags make that cheap) so a new version of the app is picked up at once.
        response.Headers.CacheControl = "no-cache";
    }
}
