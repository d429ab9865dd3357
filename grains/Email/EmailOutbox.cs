using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;

namespace GalleryOrleans.Grains.Email;

/// <summary>
/// The sender grains use: it writes the message to the email_outbox table and returns, and a background loop on every
/// silo hands due messages to the transport (SMTP or the pickup folder), retrying with growing waits for about a day.
/// So a slow or failing mail server never slows a request, never fails one, and cannot reveal through timing whether an
/// email was sent; and a message queued while the mail server is down is still sent after its silo stops, by whichever
/// silo runs next.
/// </summary>
public sealed partial class EmailOutbox(IEmailSender transport, OutboxStore store, ILogger<EmailOutbox> logger) : BackgroundService, IEmailSender
{
    /// <summary>How often a silo looks for messages other silos queued or that became due again.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Longer than one SMTP exchange may take, so a message is never sent twice while its silo still works on it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan[] RetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    private readonly Channel<bool> queued = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.AddAsync(message, cancellationToken);
            queued.Writer.TryWrite(true);
        }
        catch (NpgsqlException error)
        {
            LogNotQueued(error, message.Subject);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await DeliverDueAsync(stoppingToken);
                await NextRoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping; what is left stays in the table.
        }
    }

    private async Task DeliverDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await store.ClaimNextAsync(Lease, stoppingToken) is { } email)
            {
                await DeliverAsync(email, stoppingToken);
            }
        }
        catch (NpgsqlException error)
        {
            LogOutboxUnreachable(error);
        }
    }

    private async Task DeliverAsync(QueuedEmail email, CancellationToken stoppingToken)
    {
        try
        {
            await transport.SendAsync(email.Message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.PostponeAsync(email.Id, TimeSpan.Zero);
            throw;
        }
        catch (Exception error)
        {
            if (email.Attempts > RetryDelays.Length)
            {
                LogGaveUp(error, email.Message.Subject, email.Attempts);
                await store.DeleteAsync(email.Id);
                return;
            }
            LogRetrying(error, email.Message.Subject, RetryDelays[email.Attempts - 1]);
            await store.PostponeAsync(email.Id, RetryDelays[email.Attempts - 1]);
            return;
        }
        await store.DeleteAsync(email.Id);
    }

    private async Task NextRoundAsync(CancellationToken stoppingToken)
    {
        using var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        round.CancelAfter(PollInterval);
        try
        {
            await queued.Reader.ReadAsync(round.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Nothing queued here for a while: look for what other silos queued.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The email \"{Subject}\" could not be queued: the database does not answer.")]
    private partial void LogNotQueued(Exception error, string? subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email outbox cannot be read; trying again shortly.")]
    private partial void LogOutboxUnreachable(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending \"{Subject}\" failed; trying again in {Delay}.")]
    private partial void LogRetrying(Exception error, string? subject, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending \"{Subject}\" failed {Attempts} times; dropped.")]
    private partial void LogGaveUp(Exception error, string? subject, int attempts);
}
