namespace GalleryOrleans.Gateway.Gallery.Sniffing;

/// <summary>A media type recognised from a file's leading bytes. <see cref="Extension"/> includes the dot.</summary>
public sealed record SniffedMedia(MediaKind Kind, string ContentType, string Extension)
{
    public static readonly SniffedMedia Jpeg = new(MediaKind.Image, "image/jpeg", ".jpg");
    public static readonly SniffedMedia Png = new(MediaKind.Image, "image/png", ".png");
    public static readonly SniffedMedia Gif = new(MediaKind.Image, "image/gif", ".gif");
    public static readonly SniffedMedia WebP = new(MediaKind.Image, "image/webp", ".webp");
    public static readonly SniffedMedia Tiff = new(MediaKind.Image, "image/tiff", ".tiff");
    public static readonly SniffedMedia Heic = new(MediaKind.Image, "image/heic", ".heic");
    public static readonly SniffedMedia Avif = new(MediaKind.Image, "image/avif", ".avif");
    public static readonly SniffedMedia Mp4 = new(MediaKind.Video, "video/mp4", ".mp4");
    public static readonly SniffedMedia QuickTime = new(MediaKind.Video, "video/quicktime", ".mov");
    public static readonly SniffedMedia WebM = new(MediaKind.Video, "video/webm", ".webm");
}
