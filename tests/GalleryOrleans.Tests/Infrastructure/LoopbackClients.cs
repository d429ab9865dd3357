using System.Net;
using System.Net.Sockets;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// HTTP clients that connect to the gateway from distinct loopback addresses (127.0.0.2, 127.0.0.3, ...): to the
/// gateway they are different clients, as different machines would be.
/// </summary>
public static class LoopbackClients
{
    public static HttpClient From(int lastOctet, Uri baseAddress) => From(new IPAddress([127, 0, 0, (byte)lastOctet]), baseAddress);

    public static HttpClient From(string address, Uri baseAddress) => From(IPAddress.Parse(address), baseAddress);

    private static HttpClient From(IPAddress local, Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
