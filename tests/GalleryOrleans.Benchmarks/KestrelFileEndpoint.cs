using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// The HTTP ceiling of this machine for a download: bare Kestrel serving one file from the disk, with no Orleans, no
/// signature and no catalog, at <c>GET /file</c> on a free loopback port.
/// </summary>
internal sealed class KestrelFileEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private KestrelFileEndpoint(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<KestrelFileEndpoint> StartAsync(string file, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.ListenLocalhost(port));
        var app = builder.Build();
        app.MapGet("/file", () => Results.File(file, "application/octet-stream"));
        await app.StartAsync(cancellationToken);
        return new KestrelFileEndpoint(app, new Uri($"http://localhost:{port}/file"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
