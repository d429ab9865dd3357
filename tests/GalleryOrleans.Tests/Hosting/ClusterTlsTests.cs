using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using GalleryOrleans.Abstractions.Health;
using GalleryOrleans.Abstractions.Hosting;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace GalleryOrleans.Tests.Hosting;

/// <summary>
/// The silo ports talk mutual TLS with the cluster's own certificates only: a process that merely reaches a
/// port cannot call a grain, whether it brings no certificate or one from another CA, while the gateway can.
/// </summary>
public sealed class ClusterTlsTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>, IAsyncLifetime
{
    private readonly string foreignTls = Path.Combine(cluster.DataDirectory, "foreign-tls-" + Guid.NewGuid().ToString("N")[..8]);

    private EndpointOptions Endpoints => cluster.Silos[0].Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

    public Task InitializeAsync() => ClusterCertificates.CreateAsync(foreignTls);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_gateway_calls_grains_over_tls()
    {
        using var ready = await cluster.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_client_with_the_cluster_certificate_calls_a_grain()
    {
        using var client = await StartPlainClientAsync(ClusterCertificates.Settings(cluster.TlsDirectory));
        var reply = await client.Services.GetRequiredService<IClusterClient>().GetGrain<ISystemGrain>("tls-" + Guid.NewGuid()).Ping();
        Assert.Equal(1, reply.PingCount);
        await client.StopAsync();
    }

    [Fact]
    public async Task A_client_without_a_certificate_cannot_call_a_grain()
    {
        AssertRefused(await Record.ExceptionAsync(() => StartAndPingAsync(tls: null)));
    }

    [Fact]
    public async Task A_client_with_a_certificate_from_another_ca_cannot_call_a_grain()
    {
        // It trusts the cluster's CA, so only the silo's refusal of its own certificate can stop it.
        var settings = ClusterCertificates.Settings(foreignTls);
        settings["Orleans:Tls:CaPath"] = Path.Combine(cluster.TlsDirectory, "ca.crt");
        AssertRefused(await Record.ExceptionAsync(() => StartAndPingAsync(settings)));
    }

    [Fact]
    public async Task The_silo_to_silo_port_speaks_tls_and_drops_a_certificate_from_another_ca()
    {
        var own = X509Certificate2.CreateFromPemFile(Path.Combine(cluster.TlsDirectory, "node.crt"), Path.Combine(cluster.TlsDirectory, "node.key"));
        await using (var accepted = await HandshakeAsync(Endpoints.SiloPort, own))
        {
            Assert.Equal(own.RawData, accepted.RemoteCertificate!.GetRawCertData());
        }

        var foreign = X509Certificate2.CreateFromPemFile(Path.Combine(foreignTls, "node.crt"), Path.Combine(foreignTls, "node.key"));
        var refused = await Record.ExceptionAsync(async () =>
        {
            await using var stream = await HandshakeAsync(Endpoints.SiloPort, foreign);
            // With TLS 1.3 the server judges the client's certificate after the client's side of the handshake
            // is done, so its refusal arrives as the first read: an alert or the connection closing.
            if (await stream.ReadAsync(new byte[1]) == 0)
            {
                throw new IOException("closed by the silo");
            }
        });
        Assert.True(refused is IOException or AuthenticationException, $"the silo kept the connection: {refused}");
    }

    [Fact]
    public async Task A_silo_advertised_on_loopback_listens_on_loopback_only()
    {
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        other.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        // 127.0.0.2 is this machine too: a listener on every address would accept it.
        var refused = await Record.ExceptionAsync(() => other.ConnectAsync(IPAddress.Parse("127.0.0.2"), Endpoints.SiloPort));
        Assert.IsType<SocketException>(refused);
    }

    /// <summary>The client never got a connection to a silo (rather than failing for a reason of its own).</summary>
    private static void AssertRefused(Exception? error) =>
        Assert.True(error is SiloUnavailableException or ConnectionFailedException or TimeoutException or OrleansMessageRejectionException,
            $"expected the cluster to refuse the client, got {error?.GetType().FullName}: {error?.Message}");

    private async Task StartAndPingAsync(Dictionary<string, string?>? tls)
    {
        using var client = await StartPlainClientAsync(tls);
        await client.Services.GetRequiredService<IClusterClient>().GetGrain<ISystemGrain>("tls-" + Guid.NewGuid()).Ping();
    }

    /// <summary>An Orleans client that finds the silos as the gateway does, with the given TLS files or none, and no retries.</summary>
    private async Task<IHost> StartPlainClientAsync(Dictionary<string, string?>? tls)
    {
        var ids = cluster.SiloSettings("unused");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(tls ?? []);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ids["Orleans:ClusterId"]!;
                options.ServiceId = ids["Orleans:ServiceId"]!;
            });
            // A refused client gives up after one short wait per attempt.
            client.Configure<ConnectionOptions>(options => options.OpenConnectionTimeout = TimeSpan.FromSeconds(5));
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = cluster.ConnectionString;
            });
            if (tls is not null)
            {
                client.UseTls(ClusterTls.FromConfiguration(builder.Configuration));
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<SslStream> HandshakeAsync(int port, X509Certificate2 certificate)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "galleryorleans-node",
            ClientCertificates = [certificate],
        });
        return stream;
    }
}
