using MimeKit;

namespace GalleryOrleans.Grains.Email;

/// <summary>Writes each email as one .eml file; the file appears whole (written aside, then renamed).</summary>
public sealed class PickupDirectoryEmailSender(string directory) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name + ".eml"));
    }
}
