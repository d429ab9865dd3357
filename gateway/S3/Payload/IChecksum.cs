using System.Security.Cryptography;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>A checksum computed incrementally as body bytes pass.</summary>
internal interface IChecksum
{
    void Append(ReadOnlySpan<byte> data);

    /// <summary>The checksum bytes as S3 transmits them (base64 of these); call once, after the last <see cref="Append"/>.</summary>
    byte[] Finish();
}

internal sealed class HashChecksum(HashAlgorithmName name) : IChecksum
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(name);

    public void Append(ReadOnlySpan<byte> data) => hash.AppendData(data);

    public byte[] Finish() => hash.GetHashAndReset();
}
