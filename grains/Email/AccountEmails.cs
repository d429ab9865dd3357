using MimeKit;

namespace GalleryOrleans.Grains.Email;

/// <summary>The account emails and the links they carry, built on PublicBaseUrl.</summary>
public sealed class AccountEmails(EmailOptions options, PublicUrls urls)
{
    public MimeMessage Verification(string to, string username, string token) => Build(to,
        "Confirm your email for GalleryOrleans",
        $"Hello {username},\n\nPlease confirm your email address by opening this link within 48 hours:\n\n" +
        $"{urls.Link("verify-email", token)}\n\nIf you did not sign up, ignore this email.\n");

    public MimeMessage PasswordReset(string to, string username, string token) => Build(to,
        "Reset your GalleryOrleans password",
        $"Hello {username},\n\nSomeone asked to reset your password. Open this link within one hour to choose a new one:\n\n" +
        $"{urls.Link("reset-password", token)}\n\nIf it was not you, ignore this email; your password stays as it is.\n");

    private MimeMessage Build(string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}

public sealed class PublicUrls(string baseUrl)
{
    public string Link(string page, string token) => $"{Path(page)}?token={Uri.EscapeDataString(token)}";

    public string Path(string path) => $"{baseUrl.TrimEnd('/')}/{path}";
}
