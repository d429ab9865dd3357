using GalleryOrleans.Abstractions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Messaging;

namespace GalleryOrleans.Gateway.Hosting;

/// <summary>
/// The gateway is an Orleans client. It finds the silos' gateways by DNS when <see cref="SiloGatewayDns.Setting"/> lists
/// them (Kubernetes: no database access at all), else in the membership table (the local run and the tests).
/// </summary>
public static class OrleansClientSetup
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <exception cref="InvalidOperationException">Neither the silo gateways nor a connection string is set.</exception>
    public static void AddGalleryOrleansClient(this IHostApplicationBuilder builder, string? connectionString)
    {
        var cluster = builder.Configuration.GetSection("Orleans");
        var siloGateways = SiloGatewayDns.Configured(builder.Configuration);
        if (siloGateways.Count == 0 && connectionString is null)
        {
            throw new InvalidOperationException($"Set {SiloGatewayDns.Setting} (host:port of the silos' gateway port) or ConnectionStrings:Orleans.");
        }
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster["ClusterId"] ?? "gallery";
                options.ServiceId = cluster["ServiceId"] ?? "gallery";
            });
            if (siloGateways.Count > 0)
            {
                client.Services.AddSingleton<IGatewayListProvider>(provider =>
                    ActivatorUtilities.CreateInstance<SiloGatewayDns>(provider, siloGateways));
            }
            else
            {
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                });
            }
            // The cluster may still be starting: keep trying instead of failing the gateway's start.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(RetryDelay, cancellationToken);
                return true;
            });
            // A restarted silo's gateway is used within seconds, and one that left is forgotten as fast (default: 1 min).
            client.Configure<Orleans.Configuration.GatewayOptions>(options => options.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
            client.UseTls(ClusterTls.FromConfiguration(builder.Configuration));
            client.AddOutgoingGrainCallFilter<RejectedCallRetry>();
            client.AddDashboard();
        });
    }
}
