using System.Net;
using System.Net.Sockets;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// An HttpClient whose connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so one test can be
/// several clients as the gateway tells clients apart: by remote address.
/// </summary>
public static class LoopbackClient
{
    public static HttpClient From(string sourceAddress, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
