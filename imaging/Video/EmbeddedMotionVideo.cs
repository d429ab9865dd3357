using System.Text;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// Finds the MP4 that a phone embeds in a motion photo. Google's format (Pixel, and the phones following it): the XMP
/// names the video's length counted back from the end of the file, as GCamera:MicroVideoOffset (version 1) or as the
/// Length of the MotionPhoto item in its Container:Directory. Samsung's: the MotionPhoto_Data field of the SEF trailer
/// that ends the file (<see cref="SamsungMotionTrailer"/>); a Samsung file may carry Google's XMP too, whose length
/// then does not end at the video. Either way the bytes found must start an MP4 (an ftyp box).
/// </summary>
public static partial class EmbeddedMotionVideo
{
    // XMP sits in the JPEG's APP1 segments near the start; a segment holds at most 64 KiB.
    private const int HeadBytes = 256 * 1024;
    private const int BoxHeaderBytes = 8;

    /// <returns>Where the embedded MP4 starts and how many bytes it has. Null when there is none.</returns>
    public static (long Start, long Length)? Find(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return new[] { GoogleVideo(file), SamsungMotionTrailer.Find(file) }
            .FirstOrDefault(video => video is { } found && StartsMp4(file, found.Start, found.Length));
    }

    private static (long Start, long Length)? GoogleVideo(FileStream file)
    {
        var head = new byte[(int)Math.Min(HeadBytes, file.Length)];
        file.Position = 0;
        file.ReadExactly(head);
        return long.TryParse(VideoLength(Encoding.Latin1.GetString(head)), out var videoLength) && videoLength < file.Length
            ? (file.Length - videoLength, videoLength)
            : null;
    }

    private static bool StartsMp4(FileStream file, long start, long length)
    {
        if (length < BoxHeaderBytes)
        {
            return false;
        }
        var box = new byte[BoxHeaderBytes];
        file.Position = start;
        file.ReadExactly(box);
        return box.AsSpan(4).SequenceEqual("ftyp"u8);
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
