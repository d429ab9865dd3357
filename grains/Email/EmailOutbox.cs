using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace GalleryOrleans.Grains.Email;

/// <summary>
/// The sender grains use: it queues the message and returns at once, and a background loop on the silo hands it to the
/// transport (SMTP or the pickup folder), retrying a few times. So a slow or failing mail server never slows a request,
/// never fails one, and cannot reveal through timing whether an email was sent. Messages still queued when the silo
/// stops are lost; a new link can always be asked for.
/// </summary>
public sealed partial class EmailOutbox(IEmailSender transport, ILogger<EmailOutbox> logger) : BackgroundService, IEmailSender
{
    private const int QueueCapacity = 10_000;
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    private readonly Channel<MimeMessage> queue = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (!queue.Writer.TryWrite(message))
        {
            LogQueueFull(message.Subject);
        }
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await transport.SendAsync(message, stoppingToken);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt == RetryDelays.Length)
                {
                    LogGaveUp(error, message.Subject, attempt + 1);
                    return;
                }
                LogRetrying(error, message.Subject, RetryDelays[attempt]);
                await Task.Delay(RetryDelays[attempt], stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The email queue is full; dropped \"{Subject}\".")]
    private partial void LogQueueFull(string? subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending \"{Subject}\" failed; trying again in {Delay}.")]
    private partial void LogRetrying(Exception error, string? subject, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending \"{Subject}\" failed {Attempts} times; dropped.")]
    private partial void LogGaveUp(Exception error, string? subject, int attempts);
}
