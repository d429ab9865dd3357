using GalleryOrleans.Gateway;
using GalleryOrleans.Gateway.Hosting;
using GalleryOrleans.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// A real cluster for a test class: its own database on the shared PostgreSQL server, silos built
/// exactly as the silo program builds them, and optionally the gateway listening on real ports.
/// </summary>
public class GalleryCluster : IAsyncLifetime
{
    private readonly int siloCount;
    private readonly bool withGateway;
    private readonly List<IHost> silos = [];
    private readonly string clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly List<WebApplication> otherGateways = [];
    private WebApplication? gateway;

    public GalleryCluster() : this(siloCount: 1, withGateway: true)
    {
    }

    protected GalleryCluster(int siloCount, bool withGateway)
    {
        this.siloCount = siloCount;
        this.withGateway = withGateway;
    }

    public string ConnectionString { get; private set; } = "";
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "galleryorleans-data-" + Guid.NewGuid().ToString("N")[..8]);
    public string DashboardPassword { get; } = Guid.NewGuid().ToString("N");
    public string MailDirectory => Path.Combine(DataDirectory, "mail");
    public string TlsDirectory => Path.Combine(DataDirectory, "tls");
    public IReadOnlyList<IHost> Silos => silos;
    public HttpClient Http { get; private set; } = null!;
    public Uri S3Endpoint { get; private set; } = null!;

    public IClusterClient Client => gateway?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("This cluster has no gateway; use a client host instead.");

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync();
        Directory.CreateDirectory(DataDirectory);
        await ClusterCertificates.CreateAsync(TlsDirectory);
        for (var i = 0; i < siloCount; i++)
        {
            await StartSiloAsync($"silo{i}");
        }
        if (withGateway)
        {
            await StartGatewayAsync();
        }
    }

    public async Task<IHost> StartSiloAsync(string name)
    {
        var silo = SiloHostBuilder.Build([], SiloSettings(name), ReplaceSiloServices);
        await silo.StartAsync();
        silos.Add(silo);
        return silo;
    }

    public string SiloIdentity(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    public async Task StopSiloAsync(IHost silo)
    {
        await silo.StopAsync();
        silo.Dispose();
        silos.Remove(silo);
    }

    /// <summary>A plain Orleans client of this cluster, configured as the gateway configures its own.</summary>
    public async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Orleans:ClusterId"] = clusterId;
        builder.Configuration["Orleans:ServiceId"] = clusterId;
        builder.Configuration.AddInMemoryCollection(ClusterCertificates.Settings(TlsDirectory));
        builder.AddGalleryOrleansClient(ConnectionString);
        var client = builder.Build();
        await client.StartAsync();
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        foreach (var app in otherGateways.Append(gateway).OfType<WebApplication>())
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        foreach (var silo in silos.AsEnumerable().Reverse())
        {
            await silo.StopAsync();
            silo.Dispose();
        }
        silos.Clear();
        await PostgresServer.Instance.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    protected virtual IDictionary<string, string?> CommonSettings() => new Dictionary<string, string?>(ClusterCertificates.Settings(TlsDirectory))
    {
        ["ConnectionStrings:Orleans"] = ConnectionString,
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:ServiceId"] = clusterId,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Auth:SigningKey"] = signingKey,
        ["Email:PickupDirectory"] = MailDirectory,
        ["Storage:Root"] = Path.Combine(DataDirectory, "objects"),
        ["PublicBaseUrl"] = "http://gallery.test",
        ["Auth:BcryptWorkFactor"] = "4",
        ["Dashboard:Username"] = "operator",
        ["Dashboard:Password"] = DashboardPassword,
        ["RateLimits:LoginPerIp:Permits"] = "100000",
        ["RateLimits:LoginPerAccount:Permits"] = "100000",
        ["RateLimits:RegisterPerIp:Permits"] = "100000",
        ["RateLimits:ForgotPasswordPerIp:Permits"] = "100000",
        ["RateLimits:ForgotPasswordPerAccount:Permits"] = "100000",
        ["RateLimits:ResetPasswordPerIp:Permits"] = "100000",
    };

    /// <summary>Swaps silo services for test doubles (a clock the test moves); runs after all registrations.</summary>
    protected virtual void ReplaceSiloServices(IServiceCollection services)
    {
    }

    protected virtual void ReplaceGatewayServices(IServiceCollection services)
    {
    }

    public Dictionary<string, string?> SiloSettings(string name)
    {
        var settings = new Dictionary<string, string?>(CommonSettings())
        {
            ["Orleans:SiloName"] = name,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
        };
        return settings;
    }

    /// <summary>One more gateway of this cluster, as another replica behind a load balancer; its HTTP address.</summary>
    public async Task<Uri> StartAnotherGatewayAsync()
    {
        var (app, httpPort, _) = await RunGatewayAsync();
        otherGateways.Add(app);
        return new Uri($"http://127.0.0.1:{httpPort}");
    }

    /// <summary>
    /// One more gateway that finds the silos as in Kubernetes, by DNS (Orleans:SiloGateways, the silos' client gateway
    /// ports), and has no connection string at all; its HTTP address.
    /// </summary>
    public async Task<Uri> StartGatewayWithoutDatabaseAsync()
    {
        var (app, httpPort, _) = await RunGatewayAsync(settings =>
        {
            settings.Remove("ConnectionStrings:Orleans");
            var gatewayPorts = silos.Select(silo => silo.Services.GetRequiredService<ILocalSiloDetails>().GatewayAddress.Endpoint.Port);
            foreach (var (port, index) in gatewayPorts.Select((port, index) => (port, index)))
            {
                settings[$"Orleans:SiloGateways:{index}"] = $"127.0.0.1:{port}";
            }
        });
        otherGateways.Add(app);
        return new Uri($"http://127.0.0.1:{httpPort}");
    }

    /// <summary>One more gateway that does not mount the storage root, so its downloads stream through the silos; its S3 address.</summary>
    public async Task<Uri> StartGatewayWithoutStorageRootAsync()
    {
        var (app, _, s3Port) = await RunGatewayAsync(settings => settings.Remove("Storage:Root"));
        otherGateways.Add(app);
        return new Uri($"http://127.0.0.1:{s3Port}");
    }

    private async Task StartGatewayAsync()
    {
        (gateway, var httpPort, var s3Port) = await RunGatewayAsync();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        S3Endpoint = new Uri($"http://127.0.0.1:{s3Port}");
    }

    private async Task<(WebApplication App, int HttpPort, int S3Port)> RunGatewayAsync(Action<Dictionary<string, string?>>? adjust = null)
    {
        var httpPort = FreePort.Next();
        var s3Port = FreePort.Next();
        var settings = new Dictionary<string, string?>(CommonSettings())
        {
            ["Gateway:HttpPort"] = httpPort.ToString(),
            ["Gateway:S3Port"] = s3Port.ToString(),
            ["Gateway:LoopbackOnly"] = "true",
        };
        adjust?.Invoke(settings);
        var app = GatewayApp.Build([], settings, ReplaceGatewayServices);
        await app.StartAsync();
        return (app, httpPort, s3Port);
    }
}
