using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Messaging;
using Orleans.Runtime;

namespace GalleryOrleans.Gateway.Hosting;

/// <summary>
/// Finds the silos' gateway endpoints without the membership table, so the gateway needs no database: each configured
/// "host:port" (Orleans:SiloGateways) is looked up in DNS whenever Orleans refreshes its gateway list. In Kubernetes the
/// host is a headless Service, whose name resolves to the addresses of the ready silo pods; locally it may be a
/// loopback address per silo.
/// </summary>
internal sealed partial class SiloGatewayDns(
    IReadOnlyList<SiloGatewayDns.HostPort> hosts, IOptions<Orleans.Configuration.GatewayOptions> refresh, ILogger<SiloGatewayDns> logger)
    : IGatewayListProvider
{
    public const string Setting = "Orleans:SiloGateways";

    public TimeSpan MaxStaleness => refresh.Value.GatewayListRefreshPeriod;

    [Obsolete("Orleans no longer reads it; every provider is refreshed.")]
    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    public async Task<IList<Uri>> GetGateways()
    {
        var gateways = new List<Uri>();
        foreach (var (host, port) in hosts)
        {
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(host);
                gateways.AddRange(addresses.Select(address => new IPEndPoint(address, port).ToGatewayUri()));
            }
            catch (SocketException error)
            {
                // No silo is ready yet, or DNS is briefly away: the other hosts, and the next refresh, still count.
                LogUnresolved(error, host);
            }
        }
        return gateways;
    }

    /// <summary>The configured hosts; empty when the setting is not there.</summary>
    /// <exception cref="InvalidOperationException">An entry is not "host:port".</exception>
    public static IReadOnlyList<HostPort> Configured(IConfiguration configuration) =>
        [.. configuration.GetSection(Setting).GetChildren().Select(entry => entry.Value).OfType<string>().Select(Parse)];

    private static HostPort Parse(string entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 && int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? new HostPort(entry[..colon].Trim('[', ']'), port)
            : throw new InvalidOperationException($"{Setting}: \"{entry}\" is not host:port.");
    }

    public readonly record struct HostPort(string Host, int Port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silo gateway host {Host} does not resolve.")]
    private partial void LogUnresolved(Exception error, string host);
}
