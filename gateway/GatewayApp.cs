using System.Net;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Storage;
using GalleryOrleans.Gateway.Gallery;
using GalleryOrleans.Gateway.Hosting;
using GalleryOrleans.Gateway.Http;
using GalleryOrleans.Gateway.Http.Streams;
using GalleryOrleans.Gateway.Health;
using GalleryOrleans.Gateway.S3;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.Similarity;
using GalleryOrleans.Gateway.WebUi;
using Orleans.Dashboard;
using Prometheus;
using Scalar.AspNetCore;

namespace GalleryOrleans.Gateway;

/// <summary>Builds the gateway web application; used by Program and by the tests.</summary>
public static class GatewayApp
{
    /// <param name="replaceServices">Runs after every registration, so a test can swap a service (a clock) for its own.</param>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = options.LoopbackOnly ? IPAddress.Loopback : IPAddress.Any;
            kestrel.Listen(address, options.HttpPort);
            kestrel.Listen(address, options.S3Port);
        });
        builder.AddGalleryOrleansClient(builder.Configuration.GetConnectionString("Orleans"));
        builder.Services.AddStorageFullProblem();
        builder.Services.AddServiceUnavailableProblem();
        builder.Services.AddOpenApi();
        builder.AddGalleryAuthentication();
        builder.AddGalleryRateLimits();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StreamSignatures>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(GatewayLibraryOptions.Section).Get<GatewayLibraryOptions>() ?? new GatewayLibraryOptions());
        builder.Services.AddSingleton<LibraryPageCache>();
        builder.Services.AddS3Listener();
        builder.Services.AddSingleton(new PublishedFiles(builder.Configuration["Storage:Root"]));
        ObjectStaging.AddTo(builder.Services, builder.Configuration);
        replaceServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseTrustedProxies(options.TrustedProxies);
        app.UseS3Listener(options.S3Port);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHeadAsGet();
        app.UseClusterRetry();
        app.UseRouting();
        app.UseHttpMetrics();
        app.UseWebUiFiles();
        app.UseDashboardAccess(builder.Configuration.GetSection(DashboardAccessOptions.Section).Get<DashboardAccessOptions>() ?? new DashboardAccessOptions());
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapSessionEndpoints();
        app.MapUserEndpoints();
        app.MapAccessKeyEndpoints();
        app.MapBucketEndpoints();
        app.MapAlbumEndpoints();
        app.MapMediaEndpoints();
        app.MapTimelineEndpoints();
        app.MapSearchEndpoints();
        app.MapShareEndpoints();
        app.MapPublicShareEndpoints();
        app.MapSimilarityEndpoints();
        app.MapTrashEndpoints();
        app.MapWebUiPages();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
        app.MapMetrics(DashboardAccess.MetricsPath);
        app.MapOrleansDashboard(routePrefix: DashboardAccess.Path);
        return app;
    }
}
