using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace GalleryOrleans.Grains.Email;

/// <summary>Sends over SMTP, refusing a server that does not offer TLS unless the operator allowed plain text.</summary>
public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Security(EmailOptions.SmtpOptions smtp) => (smtp.AllowPlainText, smtp.Port) switch
    {
        (true, _) => SecureSocketOptions.StartTlsWhenAvailable,
        (false, 465) => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
