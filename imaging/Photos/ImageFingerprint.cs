using System.Buffers.Binary;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// Everything stored per photo for near-duplicate detection: three 64-bit perceptual hashes.
/// </summary>
/// <param name="PHash">DCT hash of the whole frame.</param>
/// <param name="CentrePHash">DCT hash of the frame with 5% cut from every side; matched against another
/// photo's <see cref="PHash"/> it recognises crops that the whole-frame hash misses.</param>
/// <param name="DHash">Difference (gradient) hash of the whole frame; it is local, so an overlay such as a
/// watermark flips only the bits under it, whereas it shifts every low DCT frequency.</param>
public readonly record struct ImageFingerprint(ulong PHash, ulong CentrePHash, ulong DHash)
{
    public const byte CurrentVersion = 1;

    /// <summary>Length of <see cref="ToBytes"/>: a version byte and three little-endian 64-bit hashes.</summary>
    public const int SerializedLength = 1 + 3 * sizeof(ulong);

    public byte[] ToBytes()
    {
        var bytes = new byte[SerializedLength];
        bytes[0] = CurrentVersion;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), PHash);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(9), CentrePHash);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(17), DHash);
        return bytes;
    }

    /// <exception cref="FormatException">The bytes are not a fingerprint of <see cref="CurrentVersion"/>.</exception>
    public static ImageFingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes[0] != CurrentVersion)
        {
            throw new FormatException(
                $"Unsupported image fingerprint version {(bytes.Length == 0 ? "(empty)" : bytes[0])}; expected {CurrentVersion}.");
        }

        if (bytes.Length != SerializedLength)
        {
            throw new FormatException($"Image fingerprint must be {SerializedLength} bytes, got {bytes.Length}.");
        }

        return new ImageFingerprint(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[1..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[9..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[17..]));
    }

    public override string ToString() => $"{PHash:x16}-{CentrePHash:x16}-{DHash:x16}";
}
