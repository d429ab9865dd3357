using System.Buffers.Binary;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>Rewrites the EXIF orientation tag of a JPEG file in place, leaving every other byte as it is.</summary>
internal static class JpegExifOrientation
{
    private const ushort OrientationTag = 0x0112;

    // Markers before the first scan, each at most 64 KiB: the EXIF segment is among the first few.
    private const int HeadBytes = 256 * 1024;

    /// <summary>Sets the orientation to 1 (upright) if the file has an EXIF orientation tag.</summary>
    public static void ResetToUpright(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var head = new byte[Math.Min(HeadBytes, file.Length)];
        file.ReadExactly(head);
        if (FindOrientationValue(head) is not { } at)
        {
            return;
        }
        file.Position = at.Offset;
        file.Write(at.BigEndian ? [0, 1] : [1, 0]);
    }

    private static (int Offset, bool BigEndian)? FindOrientationValue(byte[] jpeg)
    {
        var position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF && jpeg[position + 1] != 0xDA)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
            var segment = position + 4;
            if (jpeg[position + 1] == 0xE1 && segment + 6 <= jpeg.Length && jpeg.AsSpan(segment, 6).SequenceEqual("Exif\0\0"u8))
            {
                return FindInTiff(jpeg, segment + 6, Math.Min(jpeg.Length, position + 2 + length));
            }
            position += 2 + length;
        }
        return null;
    }

    private static (int Offset, bool BigEndian)? FindInTiff(byte[] jpeg, int tiff, int end)
    {
        if (tiff + 8 > end)
        {
            return null;
        }
        var bigEndian = jpeg[tiff] == (byte)'M';
        var ifd = tiff + (int)Read32(jpeg, tiff + 4, bigEndian);
        if (ifd < tiff || ifd + 2 > end)
        {
            return null;
        }
        var count = Read16(jpeg, ifd, bigEndian);
        for (var entry = ifd + 2; entry + 12 <= end && entry < ifd + 2 + count * 12; entry += 12)
        {
            if (Read16(jpeg, entry, bigEndian) == OrientationTag)
            {
                return (entry + 8, bigEndian);
            }
        }
        return null;
    }

    private static ushort Read16(byte[] bytes, int at, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at))
        : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));

    private static uint Read32(byte[] bytes, int at, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at))
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
}
