using System.IO.Hashing;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>The three CRCs S3 uses, from System.IO.Hashing; the result is big-endian, as S3 base64-encodes it.</summary>
internal sealed class Crc : IChecksum
{
    private readonly NonCryptographicHashAlgorithm crc;

    private Crc(NonCryptographicHashAlgorithm crc) => this.crc = crc;

    public static Crc Crc32() => new(new System.IO.Hashing.Crc32(Crc32ParameterSet.Crc32));

    public static Crc Crc32C() => new(new System.IO.Hashing.Crc32(Crc32ParameterSet.Crc32C));

    public static Crc Crc64Nvme() => new(new Crc64(Crc64ParameterSet.Nvme));

    public void Append(ReadOnlySpan<byte> data) => crc.Append(data);

    // All three are reflected CRCs, which System.IO.Hashing writes little-endian.
    public byte[] Finish()
    {
        var result = crc.GetCurrentHash();
        Array.Reverse(result);
        return result;
    }
}
