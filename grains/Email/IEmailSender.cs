using MimeKit;

namespace GalleryOrleans.Grains.Email;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
