using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GalleryOrleans.Tests.Auth;

/// <summary>
/// A minimal SMTP server on loopback that offers no TLS (no STARTTLS in its EHLO answer), and records the commands and
/// messages it receives. With <c>silent</c> it accepts connections and never says a word, like a hung mail server.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly bool silent;
    private readonly Task accepting;

    /// <param name="port">0 for any free port; a given one lets a test start the server where a silo already sends.</param>
    public FakeSmtpServer(bool silent = false, int port = 0)
    {
        this.silent = silent;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<string> Commands { get; } = new();

    public ConcurrentQueue<string> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            if (silent)
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.test ESMTP");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                Commands.Enqueue(line);
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (verb == "DATA")
                {
                    await writer.WriteLineAsync("354 go on");
                    var message = new StringBuilder();
                    while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                    {
                        message.AppendLine(data);
                    }
                    Messages.Enqueue(message.ToString());
                    await writer.WriteLineAsync("250 queued");
                }
                else if (verb == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    return;
                }
                else
                {
                    await writer.WriteLineAsync(verb is "EHLO" or "HELO" ? "250 fake.test" : "250 ok");
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The test is over.
        }
        catch (IOException)
        {
            // The client hung up.
        }
    }
}
