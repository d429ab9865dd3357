using System.Security.Cryptography;
using System.Text;

namespace GalleryOrleans.Gateway.Health;

/// <summary>Bound from "Dashboard": the operator login for the Orleans dashboard and /metrics.</summary>
public sealed class DashboardAccessOptions
{
    public const string Section = "Dashboard";

    /// <summary>Open to anyone: for a local development run only.</summary>
    public bool Open { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// Keeps the dashboard and the Prometheus metrics (which name routes, grain types and load) for operators:
/// HTTP Basic credentials from configuration, compared in constant time. With neither credentials nor Open
/// set, nobody gets in.
/// </summary>
internal static class DashboardAccess
{
    public const string Path = "/dashboard";
    public const string MetricsPath = "/metrics";

    public static void UseDashboardAccess(this IApplicationBuilder app, DashboardAccessOptions options)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path) || context.Request.Path.StartsWithSegments(MetricsPath), dashboard => dashboard.Use(async (context, next) =>
        {
            if (options.Open || IsOperator(context.Request, options))
            {
                await next(context);
                return;
            }
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"GalleryOrleans operator\"";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Operator credentials required")
                .ExecuteAsync(context);
        }));
    }

    private static bool IsOperator(HttpRequest request, DashboardAccessOptions options)
    {
        if (string.IsNullOrEmpty(options.Username) || string.IsNullOrEmpty(options.Password))
        {
            return false;
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        Span<byte> decoded = stackalloc byte[512];
        if (!Convert.TryFromBase64String(header["Basic ".Length..].Trim(), decoded, out var length))
        {
            return false;
        }
        var expected = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
        return CryptographicOperations.FixedTimeEquals(decoded[..length], expected);
    }
}
