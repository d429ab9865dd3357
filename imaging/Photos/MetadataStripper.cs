using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// Writes a copy of an image without its metadata (EXIF with position, camera and serial numbers, XMP, IPTC), keeping
/// only the colour profile. Orientation is applied to the pixels first, since the tag that carried it goes too.
/// Synchronous and CPU-bound, like <see cref="ImageInspector"/>.
/// </summary>
public static class MetadataStripper
{
    private const int Quality = 92;
    private const Enums.ForeignKeep Keep = Enums.ForeignKeep.Icc;

    /// <summary>Writes the copy to <paramref name="target"/>; answers its content type and file suffix.</summary>
    /// <exception cref="UnreadableMediaException">The image cannot be decoded.</exception>
    public static (string ContentType, string Suffix) Strip(string source, string target)
    {
        try
        {
            var loader = Image.FindLoad(source) ?? "";
            using var image = Image.NewFromFile(source, failOn: Enums.FailOn.Error);
            using var upright = image.Autorot();
            return Save(upright, loader, target);
        }
        catch (VipsException e)
        {
            throw new UnreadableMediaException(UnreadableMediaReason.Corrupt, "cannot be decoded to strip its metadata", e);
        }
    }

    // The original's format where libvips writes it well, else PNG (TIFF: lossless, keeps depth and alpha) or JPEG
    // (HEIF and AVIF, which this libvips build cannot encode). Animated GIF and WebP keep their first frame.
    private static (string ContentType, string Suffix) Save(Image image, string loader, string target)
    {
        bool Is(string prefix) => loader.StartsWith(prefix, StringComparison.Ordinal);
        if (Is("VipsForeignLoadPng") || Is("VipsForeignLoadTiff"))
        {
            image.Pngsave(target, keep: Keep);
            return ("image/png", ".png");
        }
        if (Is("VipsForeignLoadWebp"))
        {
            image.Webpsave(target, q: Quality, keep: Keep);
            return ("image/webp", ".webp");
        }
        if (Is("VipsForeignLoadNsgif"))
        {
            image.Gifsave(target, keep: Keep);
            return ("image/gif", ".gif");
        }
        image.Jpegsave(target, q: Quality, keep: Keep);
        return ("image/jpeg", ".jpg");
    }
}
