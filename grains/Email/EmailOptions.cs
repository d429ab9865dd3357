namespace GalleryOrleans.Grains.Email;

/// <summary>Bound from "Email": SMTP when a host is set, else .eml files into the pickup folder.</summary>
public sealed class EmailOptions
{
    public string From { get; set; } = "GalleryOrleans <no-reply@localhost>";
    public string? PickupDirectory { get; set; }
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? Username { get; set; }
        public string? Password { get; set; }

        /// <summary>Off: TLS is required (implicit TLS on port 465, STARTTLS elsewhere). On: a server without STARTTLS gets plain text.</summary>
        public bool AllowPlainText { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}
