using System.Buffers.Binary;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>
/// Gives a HEIF file's primary image a rotation (an irot property), as an iPhone writes one for a photo taken
/// upright: heif-enc cannot. The box is appended to ipco and associated with the primary item in ipma; the meta
/// boxes grow, so every file offset in iloc moves by as much.
/// </summary>
internal static class HeifRotation
{
    /// <param name="quarterTurns">Anticlockwise quarter turns, as irot counts them (3 = 90 degrees clockwise).</param>
    public static byte[] Add(byte[] heif, int quarterTurns)
    {
        var meta = Find(heif, 0, heif.Length, "meta");
        var children = meta.Start + 12;
        var iprp = Find(heif, children, meta.End, "iprp");
        var ipco = Find(heif, iprp.Start + 8, iprp.End, "ipco");
        var ipma = Find(heif, iprp.Start + 8, iprp.End, "ipma");
        var pitm = Find(heif, children, meta.End, "pitm");
        var primary = BinaryPrimitives.ReadUInt16BigEndian(heif.AsSpan(pitm.Start + 12));
        var propertyCount = Boxes(heif, ipco.Start + 8, ipco.End).Count();
        Assert.True(ipco.End <= ipma.Start, "heif-enc writes ipco before ipma");

        byte[] irot = [0, 0, 0, 9, (byte)'i', (byte)'r', (byte)'o', (byte)'t', (byte)quarterTurns];
        var newIpma = WithAssociation(heif, ipma, primary, propertyCount + 1);
        var growth = irot.Length + newIpma.Length - (ipma.End - ipma.Start);
        var copy = (byte[])heif.Clone();
        ShiftItemOffsets(copy, Find(heif, children, meta.End, "iloc"), growth);
        Grow(copy, meta.Start, growth);
        Grow(copy, iprp.Start, growth);
        Grow(copy, ipco.Start, irot.Length);
        return [.. copy[..ipco.End], .. irot, .. copy[ipco.End..ipma.Start], .. newIpma, .. copy[ipma.End..]];
    }

    private static byte[] WithAssociation(byte[] heif, (int Start, int End) ipma, ushort item, int propertyIndex)
    {
        var version = heif[ipma.Start + 8];
        var wide = (heif[ipma.Start + 11] & 1) == 1;
        var position = ipma.Start + 12;
        var entries = BinaryPrimitives.ReadUInt32BigEndian(heif.AsSpan(position));
        var body = new List<byte>(heif[(ipma.Start + 8)..(position + 4)]);
        position += 4;
        for (var i = 0; i < entries; i++)
        {
            var idLength = version < 1 ? 2 : 4;
            var id = idLength == 2 ? BinaryPrimitives.ReadUInt16BigEndian(heif.AsSpan(position)) : BinaryPrimitives.ReadUInt32BigEndian(heif.AsSpan(position));
            body.AddRange(heif[position..(position + idLength)]);
            position += idLength;
            var count = heif[position++];
            var associations = heif[position..(position + count * (wide ? 2 : 1))];
            position += associations.Length;
            if (id == item)
            {
                body.Add((byte)(count + 1));
                body.AddRange(associations);
                // Essential, as a transformation must be.
                body.AddRange(wide ? [(byte)(0x80 | propertyIndex >> 8), (byte)propertyIndex] : [(byte)(0x80 | propertyIndex)]);
            }
            else
            {
                body.Add(count);
                body.AddRange(associations);
            }
        }
        var box = new byte[8 + body.Count];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        "ipma"u8.CopyTo(box.AsSpan(4));
        body.CopyTo(box, 8);
        return box;
    }

    private static void ShiftItemOffsets(byte[] heif, (int Start, int End) iloc, int growth)
    {
        var version = heif[iloc.Start + 8];
        var position = iloc.Start + 12;
        var offsetSize = heif[position] >> 4;
        var lengthSize = heif[position] & 15;
        var baseOffsetSize = heif[position + 1] >> 4;
        var indexSize = version is 1 or 2 ? heif[position + 1] & 15 : 0;
        position += 2;
        var items = version < 2 ? Read(heif, position, 2) : Read(heif, position, 4);
        position += version < 2 ? 2 : 4;
        for (var i = 0L; i < items; i++)
        {
            position += (version < 2 ? 2 : 4) + (version is 1 or 2 ? 2 : 0) + 2;
            if (baseOffsetSize > 0)
            {
                Write(heif, position, baseOffsetSize, Read(heif, position, baseOffsetSize) + growth);
            }
            position += baseOffsetSize;
            var extents = Read(heif, position, 2);
            position += 2;
            for (var e = 0L; e < extents; e++)
            {
                position += indexSize;
                if (baseOffsetSize == 0)
                {
                    Write(heif, position, offsetSize, Read(heif, position, offsetSize) + growth);
                }
                position += offsetSize + lengthSize;
            }
        }
    }

    private static void Grow(byte[] heif, int box, int growth) =>
        BinaryPrimitives.WriteUInt32BigEndian(heif.AsSpan(box), BinaryPrimitives.ReadUInt32BigEndian(heif.AsSpan(box)) + (uint)growth);

    private static long Read(byte[] bytes, int at, int size)
    {
        long value = 0;
        for (var i = 0; i < size; i++)
        {
            value = value << 8 | bytes[at + i];
        }
        return value;
    }

    private static void Write(byte[] bytes, int at, int size, long value)
    {
        for (var i = size - 1; i >= 0; i--, value >>= 8)
        {
            bytes[at + i] = (byte)value;
        }
    }

    private static (int Start, int End) Find(byte[] bytes, int start, int end, string type) =>
        Boxes(bytes, start, end).First(box => box.Type == type) is var (boxStart, boxEnd, _) ? (boxStart, boxEnd) : default;

    private static IEnumerable<(int Start, int End, string Type)> Boxes(byte[] bytes, int start, int end)
    {
        for (var position = start; position + 8 <= end;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position));
            yield return (position, position + size, System.Text.Encoding.ASCII.GetString(bytes, position + 4, 4));
            position += size;
        }
    }
}
