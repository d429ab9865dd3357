using System.Net;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains;
using GalleryOrleans.Silo.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace GalleryOrleans.Silo;

/// <summary>Builds a silo host from configuration; used by Program and by the tests' clusters.</summary>
public static class SiloHostBuilder
{
    public static IHost Build(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var database = DatabaseSettings.FromConfiguration(builder.Configuration);
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.Services.AddSingleton(database);
        builder.Services.AddHostedService<SchemaBootstrapService>();
        builder.Services.AddGalleryGrainServices(builder.Configuration);
        builder.UseOrleans(orleans => ConfigureOrleans(orleans, silo, database));
        return builder.Build();
    }

    private static void ConfigureOrleans(ISiloBuilder orleans, SiloOptions silo, DatabaseSettings database)
    {
        orleans.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = silo.ClusterId;
            options.ServiceId = silo.ServiceId;
        });
        if (silo.SiloName is { Length: > 0 } name)
        {
            orleans.Configure<Orleans.Configuration.SiloOptions>(options => options.SiloName = name);
        }
        var advertised = silo.AdvertisedIp is { Length: > 0 } ip ? IPAddress.Parse(ip) : IPAddress.Loopback;
        orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
        orleans.UseAdoNetClustering(options =>
        {
            options.Invariant = DatabaseSettings.Invariant;
            options.ConnectionString = database.Orleans;
        });
        orleans.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = DatabaseSettings.Invariant;
            options.ConnectionString = database.Orleans;
        });
        orleans.UseAdoNetReminderService(options =>
        {
            options.Invariant = DatabaseSettings.Invariant;
            options.ConnectionString = database.Orleans;
        });
        orleans.AddDashboard();
        orleans.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IMultipartExpiryGrain>(0).Start());
        // In a pod, silo name, address and ports come from the downward API (Orleans' Kubernetes hosting).
        if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
        {
            orleans.UseKubernetesHosting();
        }
    }
}
