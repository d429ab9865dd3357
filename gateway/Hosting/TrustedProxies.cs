using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GalleryOrleans.Gateway.Hosting;

/// <summary>
/// Behind a reverse proxy or ingress, the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies in Gateway:TrustedProxies (addresses or CIDR
/// ranges), so rate limits and lock-outs key on the real client and cookies get Secure behind TLS
/// termination, while the same headers from anyone else change nothing. With no proxies listed none are
/// believed: ASP.NET Core's default of trusting loopback is dropped too.
/// </summary>
internal static class TrustedProxies
{
    public static void UseTrustedProxies(this IApplicationBuilder app, string? trustedProxies) =>
        app.UseForwardedHeaders(Options(trustedProxies));

    public static ForwardedHeadersOptions Options(string? trustedProxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walk back through X-Forwarded-For while the hop that added an entry is trusted, and no further.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in (trustedProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"Gateway:TrustedProxies: '{entry}' is neither an IP address nor a CIDR range.");
            }
        }
        return options;
    }
}
