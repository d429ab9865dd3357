namespace GalleryOrleans.Gateway.S3;

/// <summary>
/// Table-driven reflected CRC (init and final xor all ones) for the three CRCs S3 uses; the result is big-endian,
/// as S3 base64-encodes it.
/// </summary>
internal sealed class Crc : IChecksum
{
    private static readonly ulong[] Crc32Table = BuildTable(0xEDB88320UL);
    private static readonly ulong[] Crc32CTable = BuildTable(0x82F63B78UL);
    private static readonly ulong[] Crc64NvmeTable = BuildTable(0x9A6C9329AC4BC9B5UL);

    private readonly ulong[] table;
    private readonly int widthBytes;
    private readonly ulong mask;
    private ulong state;

    private Crc(ulong[] table, int widthBytes)
    {
        this.table = table;
        this.widthBytes = widthBytes;
        mask = widthBytes == 8 ? ulong.MaxValue : (1UL << (widthBytes * 8)) - 1;
        state = mask;
    }

    public static Crc Crc32() => new(Crc32Table, 4);

    public static Crc Crc32C() => new(Crc32CTable, 4);

    public static Crc Crc64Nvme() => new(Crc64NvmeTable, 8);

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = state;
        foreach (var b in data)
        {
            crc = table[(byte)(crc ^ b)] ^ (crc >> 8);
        }

        state = crc;
    }

    public byte[] Finish()
    {
        var value = state ^ mask;
        var result = new byte[widthBytes];
        for (var i = widthBytes - 1; i >= 0; i--)
        {
            result[i] = (byte)value;
            value >>= 8;
        }

        return result;
    }

    private static ulong[] BuildTable(ulong reflectedPolynomial)
    {
        var table = new ulong[256];
        for (var i = 0UL; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ reflectedPolynomial : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
