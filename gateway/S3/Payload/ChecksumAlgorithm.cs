using System.Security.Cryptography;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>The S3 additional checksums (<c>x-amz-checksum-*</c>), as headers or aws-chunked trailers.</summary>
public enum ChecksumAlgorithm
{
    Crc32,
    Crc32C,
    Crc64Nvme,
    Sha1,
    Sha256,
}

public static class ChecksumAlgorithms
{
    private static readonly (ChecksumAlgorithm Algorithm, string Header)[] Headers =
    [
        (ChecksumAlgorithm.Crc32, "x-amz-checksum-crc32"),
        (ChecksumAlgorithm.Crc32C, "x-amz-checksum-crc32c"),
        (ChecksumAlgorithm.Crc64Nvme, "x-amz-checksum-crc64nvme"),
        (ChecksumAlgorithm.Sha1, "x-amz-checksum-sha1"),
        (ChecksumAlgorithm.Sha256, "x-amz-checksum-sha256"),
    ];

    /// <summary>The header (or trailer) that carries the base64 checksum, e.g. <c>x-amz-checksum-crc32</c>.</summary>
    public static string HeaderName(this ChecksumAlgorithm algorithm) => Headers.First(entry => entry.Algorithm == algorithm).Header;

    public static bool TryFromHeaderName(string name, out ChecksumAlgorithm algorithm)
    {
        foreach (var entry in Headers)
        {
            if (string.Equals(entry.Header, name, StringComparison.OrdinalIgnoreCase))
            {
                algorithm = entry.Algorithm;
                return true;
            }
        }

        algorithm = default;
        return false;
    }

    internal static int SizeInBytes(this ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 or ChecksumAlgorithm.Crc32C => 4,
        ChecksumAlgorithm.Crc64Nvme => 8,
        ChecksumAlgorithm.Sha1 => 20,
        _ => 32,
    };

    internal static IChecksum Create(this ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => Crc.Crc32(),
        ChecksumAlgorithm.Crc32C => Crc.Crc32C(),
        ChecksumAlgorithm.Crc64Nvme => Crc.Crc64Nvme(),
        ChecksumAlgorithm.Sha1 => new HashChecksum(HashAlgorithmName.SHA1),
        ChecksumAlgorithm.Sha256 => new HashChecksum(HashAlgorithmName.SHA256),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
