using System.Net;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Hosting;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains;
using GalleryOrleans.Grains.Failures;
using GalleryOrleans.Silo.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace GalleryOrleans.Silo;

/// <summary>Builds a silo host from configuration; used by Program and by the tests' clusters.</summary>
public static class SiloHostBuilder
{
    /// <summary>
    /// How long a stopping silo may take to deactivate its grains and leave the cluster. The host's default (30 s)
    /// equals Orleans' timeout for deactivating one grain, which would leave nothing for the rest of a graceful
    /// stop; Kubernetes' terminationGracePeriodSeconds for silo pods is longer still (deploy/k8s/silo.yaml).
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    /// <param name="replaceServices">Runs after every registration, so a test can swap a service (a clock) for its own.</param>
    public static IHost Build(string[] args, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var database = DatabaseSettings.FromConfiguration(builder.Configuration);
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(database);
        builder.Services.AddHostedService<SchemaBootstrapService>();
        builder.Services.AddGalleryGrainServices(builder.Configuration);
        builder.UseOrleans(orleans => ConfigureOrleans(orleans, silo, database, builder.Configuration));
        replaceServices?.Invoke(builder.Services);
        return builder.Build();
    }

    private static void ConfigureOrleans(ISiloBuilder orleans, SiloOptions silo, DatabaseSettings database, IConfiguration configuration)
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
        // A silo advertised on loopback (the local run, the tests) listens there only; one with a routable address
        // (a pod IP) listens on every interface of its host.
        orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        orleans.UseTls(ClusterTls.FromConfiguration(configuration));
        FailureDetection.Configure(orleans, configuration);
        orleans.UseAdoNetClustering(options =>
        {
            options.Invariant = DatabaseSettings.Invariant;
            options.ConnectionString = database.Orleans;
        });
        orleans.AddAdoNetGrainStorage(BoundaryGrainStorage.StoreName, options =>
        {
            options.Invariant = DatabaseSettings.Invariant;
            options.ConnectionString = database.Orleans;
        });
        orleans.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) =>
            new BoundaryGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(BoundaryGrainStorage.StoreName)));
        orleans.UseAdoNetReminderService(options =>
        {
            options.Invariant = DatabaseSettings.Invariant;
            options.ConnectionString = database.Orleans;
        });
        orleans.AddDashboard();
        orleans.AddIncomingGrainCallFilter<BoundaryExceptionFilter>();
        orleans.AddOutgoingGrainCallFilter<RejectedCallRetry>();
        orleans.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IMultipartExpiryGrain>(0).Start());
        orleans.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<ITrashPurgeGrain>(0).Start());
        // In a pod, Orleans' Kubernetes hosting names the silo after POD_NAME and reads the pod's labels. The advertised
        // address stays Orleans:AdvertisedIp (ConfigureEndpoints above has set one, so POD_IP does not replace it):
        // the manifests set it from the pod IP with the downward API.
        if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
        {
            orleans.UseKubernetesHosting();
        }
    }
}
