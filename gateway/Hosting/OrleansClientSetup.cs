using GalleryOrleans.Abstractions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace GalleryOrleans.Gateway.Hosting;

/// <summary>The gateway is an Orleans client that finds the silos' gateways in the membership table.</summary>
public static class OrleansClientSetup
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    public static void AddGalleryOrleansClient(this IHostApplicationBuilder builder, string connectionString)
    {
        var cluster = builder.Configuration.GetSection("Orleans");
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster["ClusterId"] ?? "gallery";
                options.ServiceId = cluster["ServiceId"] ?? "gallery";
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
            // The cluster may still be starting: keep trying instead of failing the gateway's start.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(RetryDelay, cancellationToken);
                return true;
            });
            // A restarted silo's gateway is used within seconds, and one that left is forgotten as fast (default: 1 min).
            client.Configure<Orleans.Configuration.GatewayOptions>(options => options.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
            client.UseTls(ClusterTls.FromConfiguration(builder.Configuration));
            client.AddDashboard();
        });
    }
}
