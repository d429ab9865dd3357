using System.Buffers.Binary;
using System.Text;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// Reads the content identifier an iPhone writes into a Live Photo's still (tag 0x11 of Apple's MakerNote), the
/// same UUID its motion part carries as <c>com.apple.quicktime.content.identifier</c>. The EXIF block is a stranger's
/// bytes: every offset is checked, and anything unexpected means "no identifier".
/// </summary>
internal static class AppleMakerNote
{
    private const ushort ExifIfdPointer = 0x8769;
    private const ushort MakerNoteTag = 0x927C;
    private const ushort ContentIdentifierTag = 0x0011;
    private const int MaxEntries = 512;
    private const ushort AsciiType = 2;

    // "Apple iOS\0", a version, then "MM": the IFD follows, its offsets counted from the MakerNote's first byte.
    private static ReadOnlySpan<byte> Signature => "Apple iOS\0"u8;
    private const int HeaderLength = 14;

    /// <param name="exif">The EXIF block as libvips attaches it (with or without the "Exif\0\0" prefix).</param>
    public static string? ContentIdentifier(byte[]? exif)
    {
        if (exif is null)
        {
            return null;
        }
        var tiff = exif.AsSpan().StartsWith("Exif\0\0"u8) ? exif.AsSpan(6) : exif.AsSpan();
        if (tiff.Length < 8 || !(tiff.StartsWith("II"u8) || tiff.StartsWith("MM"u8)))
        {
            return null;
        }
        var bigEndian = tiff[0] == (byte)'M';
        if (Entry(tiff, bigEndian, UInt32(tiff, 4, bigEndian), ExifIfdPointer) is not { } exifPointer
            || Entry(tiff, bigEndian, exifPointer.Value, MakerNoteTag) is not { } makerNote
            || !TrySlice(tiff, makerNote.Value, makerNote.Count, out var note)
            || note.Length < HeaderLength || !note.StartsWith(Signature) || note[12] != (byte)'M' || note[13] != (byte)'M')
        {
            return null;
        }
        if (Entry(note, bigEndian: true, HeaderLength, ContentIdentifierTag) is not { Type: AsciiType } identifier
            || !TrySlice(note, identifier.Count <= 4 ? identifier.ValueFieldOffset : identifier.Value, identifier.Count, out var text))
        {
            return null;
        }
        return LivePhotoIdentifier.Accept(Encoding.ASCII.GetString(text.TrimEnd((byte)0)));
    }

    private readonly record struct IfdEntry(ushort Type, uint Count, uint Value, uint ValueFieldOffset);

    private static IfdEntry? Entry(ReadOnlySpan<byte> data, bool bigEndian, uint offset, ushort tag)
    {
        if (offset > data.Length - 2)
        {
            return null;
        }
        var count = UInt16(data, (int)offset, bigEndian);
        for (var i = 0; i < Math.Min((int)count, MaxEntries); i++)
        {
            var at = (int)offset + 2 + i * 12;
            if (at > data.Length - 12)
            {
                return null;
            }
            if (UInt16(data, at, bigEndian) == tag)
            {
                return new IfdEntry(UInt16(data, at + 2, bigEndian), UInt32(data, at + 4, bigEndian), UInt32(data, at + 8, bigEndian), (uint)(at + 8));
            }
        }
        return null;
    }

    private static bool TrySlice(ReadOnlySpan<byte> data, uint offset, uint length, out ReadOnlySpan<byte> slice)
    {
        var fits = offset <= data.Length && length <= data.Length - offset;
        slice = fits ? data.Slice((int)offset, (int)length) : default;
        return fits;
    }

    private static ushort UInt16(ReadOnlySpan<byte> data, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);

    private static uint UInt32(ReadOnlySpan<byte> data, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
}
