using MimeKit;

namespace GalleryOrleans.Grains.Email;

/// <summary>The account emails and the links they carry, built on PublicBaseUrl.</summary>
public sealed class AccountEmails(EmailOptions options, PublicUrls urls)
{
    public MimeMessage Verification(string to, string username, string token) => Build(to,
        "Confirm your email for GalleryOrleans",
        $"Hello {username},\n\nPlease confirm your email address by opening this link within 48 hours:\n\n" +
        $"{urls.Link("verify-email", token)}\n\nIf you did not sign up, ignore this email.\n");

    public MimeMessage PasswordReset(string to, string username, string token, int accessKeys) => Build(to,
        "Reset your GalleryOrleans password",
        $"Hello {username},\n\nSomeone asked to reset your password. Open this link within one hour to choose a new one:\n\n" +
        $"{urls.Link("reset-password", token)}\n\n" +
        $"Resetting also signs out every session and revokes your {AccessKeys(accessKeys)} (and every link signed with them).\n\n" +
        "If it was not you, ignore this email; your password stays as it is.\n");

    public MimeMessage PasswordWasReset(string to, string username, int revokedAccessKeys) => Build(to,
        "Your GalleryOrleans password was reset",
        $"Hello {username},\n\nYour password was reset. Every session was signed out and {AccessKeys(revokedAccessKeys)} " +
        $"{(revokedAccessKeys == 1 ? "was" : "were")} revoked; create new keys in your profile where you need them.\n\n" +
        "If it was not you, reset your password again at once.\n");

    private static string AccessKeys(int count) => count == 1 ? "1 S3 access key" : $"{count} S3 access keys";

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
