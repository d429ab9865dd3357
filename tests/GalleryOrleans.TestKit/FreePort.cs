using System.Net;
using System.Net.Sockets;

namespace GalleryOrleans.TestKit;

/// <summary>
/// Ports for test silos and gateways. They come from below Linux's ephemeral range (32768 and up): a port the kernel
/// hands out for "any free port" can be taken by an outgoing connection (PostgreSQL, Orleans) before the test
/// server binds it, which made fixtures fail now and then when many started at once.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Count = 12000;
    private static int next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by something else on the machine; try the next one.
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {First + Count}.");
    }
}
