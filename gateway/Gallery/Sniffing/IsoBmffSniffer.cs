using System.Buffers.Binary;
using System.Text;

namespace GalleryOrleans.Gateway.Gallery.Sniffing;

/// <summary>Classifies ISO base media files (HEIF, AVIF, MP4, QuickTime) by their leading box.</summary>
internal static class IsoBmffSniffer
{
    private const int BoxHeaderLength = 8;

    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length < BoxHeaderLength || !HasPlausibleBoxSize(BinaryPrimitives.ReadUInt32BigEndian(head)))
            return null;

        var boxType = head[4..8];
        if (boxType.SequenceEqual("ftyp"u8))
            return SniffFileType(head);
        return IsQuickTimeLeadingAtom(boxType) ? SniffedMedia.QuickTime : null;
    }

    // 0 means "to end of file" and 1 means a 64-bit size follows; anything else must cover the header.
    private static bool HasPlausibleBoxSize(uint size) => size is 0 or 1 or >= BoxHeaderLength;

    // Files written before the ftyp box existed start straight with one of these QuickTime atoms.
    private static bool IsQuickTimeLeadingAtom(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8) || type.SequenceEqual("wide"u8) ||
        type.SequenceEqual("free"u8) || type.SequenceEqual("skip"u8) || type.SequenceEqual("pnot"u8);

    private static SniffedMedia? SniffFileType(ReadOnlySpan<byte> head)
    {
        // ftyp: size, type, major brand, minor version, then compatible brands up to the box end.
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (boxSize < 16 || head.Length < 16)
            return null;

        var boxEnd = (int)Math.Min(boxSize, (uint)head.Length);
        var compatible = new List<string>();
        for (var offset = 16; offset + 4 <= boxEnd; offset += 4)
            compatible.Add(Brand(head, offset));

        return Classify(Brand(head, 8), compatible);
    }

    private static string Brand(ReadOnlySpan<byte> head, int offset) => Encoding.ASCII.GetString(head.Slice(offset, 4));

    // Only the major brand decides: compatible lists of unrelated formats (e.g. camera raw) often include "isom".
    private static SniffedMedia? Classify(string major, List<string> compatible) => major switch
    {
        "avif" or "avis" => SniffedMedia.Avif,
        "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "hevm" or "hevs" => SniffedMedia.Heic,
        "mif1" or "msf1" => compatible.Contains("avif") || compatible.Contains("avis") ? SniffedMedia.Avif : SniffedMedia.Heic,
        "qt  " => SniffedMedia.QuickTime,
        "isom" or "iso2" or "iso3" or "iso4" or "iso5" or "iso6" or "iso7" or "iso8" or "iso9" or
        "mp41" or "mp42" or "mp71" or "avc1" or "dash" or "M4V " or "M4VH" or "M4VP" or
        "MSNV" or "XAVC" or "mmp4" or "f4v " => SniffedMedia.Mp4,
        _ => null,
    };
}
