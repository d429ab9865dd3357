using GalleryOrleans.Grains.Email;
using MimeKit;

namespace GalleryOrleans.Tests.Auth;

/// <summary>The SMTP sender against a real (fake) mail server on loopback that offers no TLS.</summary>
[Trait("Category", "Unit")]
public sealed class SmtpSecurityTests
{
    [Fact]
    public async Task Without_the_plain_text_option_a_server_without_tls_gets_no_mail()
    {
        await using var server = new FakeSmtpServer();
        var sender = new SmtpEmailSender(Options(server, allowPlainText: false));

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Message()));

        Assert.Empty(server.Messages);
        Assert.DoesNotContain(server.Commands, command => command.StartsWith("MAIL", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_the_plain_text_option_the_same_server_gets_the_mail()
    {
        await using var server = new FakeSmtpServer();
        var sender = new SmtpEmailSender(Options(server, allowPlainText: true));

        await sender.SendAsync(Message());

        Assert.Contains("Subject: Plain text test", Assert.Single(server.Messages));
    }

    private static EmailOptions Options(FakeSmtpServer server, bool allowPlainText) => new()
    {
        Smtp = new EmailOptions.SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            AllowPlainText = allowPlainText,
        },
    };

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("no-reply@gallery.test"));
        message.To.Add(MailboxAddress.Parse("someone@gallery.test"));
        message.Subject = "Plain text test";
        message.Body = new TextPart("plain") { Text = "Hello" };
        return message;
    }
}
