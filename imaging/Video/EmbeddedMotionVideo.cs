using System.Text;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// Finds the MP4 that a Google motion photo (Pixel, and the phones following its format) appends to its JPEG: the
/// XMP names the video's length counted back from the end of the file, as GCamera:MicroVideoOffset (version 1) or as
/// the Length of the MotionPhoto item in its Container:Directory. The bytes there must start an MP4 (an ftyp box).
/// </summary>
public static partial class EmbeddedMotionVideo
{
    // XMP sits in the JPEG's APP1 segments near the start; a segment holds at most 64 KiB.
    private const int HeadBytes = 256 * 1024;

    /// <returns>Where the embedded MP4 starts; it runs to the end of the file. Null when there is none.</returns>
    public static long? Find(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var head = new byte[(int)Math.Min(HeadBytes, file.Length)];
        file.ReadExactly(head);
        if (!long.TryParse(VideoLength(Encoding.Latin1.GetString(head)), out var videoLength) || videoLength < 8 || videoLength >= file.Length)
        {
            return null;
        }
        var start = file.Length - videoLength;
        var box = new byte[8];
        file.Position = start;
        file.ReadExactly(box);
        return box.AsSpan(4).SequenceEqual("ftyp"u8) ? start : null;
    }

    private static string? VideoLength(string xmp)
    {
        try
        {
            return MicroVideoOffset().Match(xmp) is { Success: true } legacy ? legacy.Groups[1].Value
                : MotionPhotoItem().Match(xmp) is { Success: true } item && ItemLength().Match(item.Value) is { Success: true } length ? length.Groups[1].Value
                : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"GCamera:MicroVideoOffset\s*=\s*""(\d{1,12})""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MicroVideoOffset();

    // One Container:Item element whose semantic is MotionPhoto, its attributes in any order.
    [GeneratedRegex(@"<Container:Item\b[^>]{0,2000}Item:Semantic\s*=\s*""MotionPhoto""[^>]{0,2000}>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MotionPhotoItem();

    [GeneratedRegex(@"Item:Length\s*=\s*""(\d{1,12})""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ItemLength();
}
