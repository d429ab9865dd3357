using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace GalleryOrleans.Grains.Email;

public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port,
            smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
