using System.Buffers.Binary;

namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// Finds the MP4 in a Samsung motion photo's SEF trailer (Samsung Extended Format), which Galaxy phones append to a JPEG
/// or HEIC: fields of the form [0, 0, type (2 bytes), name length (uint32), name, data], then a directory "SEFH",
/// version, field count and one 12-byte entry per field (0, 0, type, distance from "SEFH" back to the field, field
/// size), then the directory's size (uint32, counted from "SEFH" up to that number) and "SEFT" as the file's last
/// eight bytes. All numbers are little-endian. The video is the data of the field named "MotionPhoto_Data". The trailer
/// is a stranger's bytes: every size and offset is checked against the file before it is used.
/// </summary>
internal static class SamsungMotionTrailer
{
    private const int TailBytes = 8;
    private const int DirectoryHeaderBytes = 12;
    private const int EntryBytes = 12;
    private const int FieldHeaderBytes = 8;
    private const int MaxFields = 256;

    private static ReadOnlySpan<byte> VideoFieldName => "MotionPhoto_Data"u8;

    /// <returns>Where the embedded MP4 starts and how long it is; null when there is no such trailer or field.</returns>
    public static (long Start, long Length)? Find(FileStream file)
    {
        if (file.Length < TailBytes + DirectoryHeaderBytes + EntryBytes)
        {
            return null;
        }
        var tail = Read(file, file.Length - TailBytes, TailBytes);
        if (!tail.AsSpan(4).SequenceEqual("SEFT"u8))
        {
            return null;
        }
        long directoryLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var directoryStart = file.Length - TailBytes - directoryLength;
        if (directoryLength < DirectoryHeaderBytes + EntryBytes || directoryLength > DirectoryHeaderBytes + MaxFields * EntryBytes || directoryStart < 0)
        {
            return null;
        }
        var directory = Read(file, directoryStart, (int)directoryLength);
        if (!directory.AsSpan().StartsWith("SEFH"u8))
        {
            return null;
        }
        var fields = BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(8));
        if (fields > (directoryLength - DirectoryHeaderBytes) / EntryBytes)
        {
            return null;
        }
        for (var i = 0; i < fields; i++)
        {
            var entry = directory.AsSpan(DirectoryHeaderBytes + i * EntryBytes, EntryBytes);
            if (Video(file, directoryStart, BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]), BinaryPrimitives.ReadUInt32LittleEndian(entry[8..])) is { } video)
            {
                return video;
            }
        }
        return null;
    }

    private static (long Start, long Length)? Video(FileStream file, long directoryStart, long distance, long size)
    {
        var fieldStart = directoryStart - distance;
        if (fieldStart < 0 || size < FieldHeaderBytes + VideoFieldName.Length || fieldStart + size > directoryStart)
        {
            return null;
        }
        var header = Read(file, fieldStart, FieldHeaderBytes + VideoFieldName.Length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)) != VideoFieldName.Length || !header.AsSpan(FieldHeaderBytes).SequenceEqual(VideoFieldName))
        {
            return null;
        }
        var start = fieldStart + header.Length;
        return (start, size - header.Length);
    }

    private static byte[] Read(FileStream file, long position, int count)
    {
        var bytes = new byte[count];
        file.Position = position;
        file.ReadExactly(bytes);
        return bytes;
    }
}
