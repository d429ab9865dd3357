using System.Diagnostics;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// The s3rver npm package (a filesystem S3 server for Node) as the peer to compare with, started with npx on a free
/// loopback port with its data folder next to the gallery's, and stopped with its process tree.
/// </summary>
internal sealed class S3rverPeer : IDisposable
{
    /// <summary>The version the figures in the README were taken with; npx fetches it once into its cache.</summary>
    private const string Package = "s3rver@3.7.1";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly AppProcess process;

    private S3rverPeer(AppProcess process, AmazonS3Client client)
    {
        this.process = process;
        Client = client;
    }

    /// <summary>A client with s3rver's fixed credentials, configured like the gallery's.</summary>
    public AmazonS3Client Client { get; }

    /// <summary>
    /// Runs <c>npx s3rver</c> from <c>S3RVER_HOME</c> when set (a folder outside the repository holding an
    /// <c>npm install s3rver</c>), else from <paramref name="scratch"/>.
    /// </summary>
    public static async Task<S3rverPeer> StartAsync(string scratch, string logFolder, CancellationToken cancellationToken)
    {
        var data = Directory.CreateDirectory(Path.Combine(scratch, "s3rver-data")).FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo("npx", ["--yes", Package, "--directory", data, "--address", "127.0.0.1", "--port", $"{port}", "--silent"])
        {
            WorkingDirectory = Environment.GetEnvironmentVariable("S3RVER_HOME") ?? scratch,
        };
        var process = AppProcess.Start("s3rver", start, logFolder);
        try
        {
            await WaitForPortAsync(process, port, cancellationToken);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        var client = S3Clients.Create(new Uri($"http://127.0.0.1:{port}"), new BasicAWSCredentials("S3RVER", "S3RVER"));
        return new S3rverPeer(process, client);
    }

    public void Dispose()
    {
        Client.Dispose();
        process.Dispose();
    }

    private static async Task WaitForPortAsync(AppProcess process, int port, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited during start with code {process.ExitCode}.\n{process.LogTail(20)}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            }
        }
        throw new TimeoutException($"s3rver did not listen on port {port} within {ReadyTimeout.TotalSeconds} s.\n{process.LogTail(20)}");
    }
}
