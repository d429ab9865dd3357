namespace GalleryOrleans.Gateway.Gallery.Sniffing;

/// <summary>
/// Recognises supported media from magic bytes alone; file names and declared content types are never trusted.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes callers should pass; fewer still work for the short signatures.</summary>
    public const int HeadLength = 64;

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    // EBML header, the start of every Matroska and WebM file.
    private static ReadOnlySpan<byte> EbmlSignature => [0x1A, 0x45, 0xDF, 0xA3];

    /// <returns>The recognised media, or null when the bytes match no supported format.</returns>
    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head) =>
        SniffSignature(head) ?? IsoBmffSniffer.Sniff(head);

    private static SniffedMedia? SniffSignature(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(JpegSignature))
            return SniffedMedia.Jpeg;
        if (head.StartsWith(PngSignature))
            return SniffedMedia.Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return SniffedMedia.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return SniffedMedia.WebP;
        if (IsTiff(head))
            return SniffedMedia.Tiff;
        if (head.StartsWith(EbmlSignature))
            return SniffedMedia.WebM;
        return null;
    }

    // Classic TIFF has version 42, BigTIFF 43, in the byte order the first two bytes announce.
    private static bool IsTiff(ReadOnlySpan<byte> head) =>
        head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ||
        head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8);
}
