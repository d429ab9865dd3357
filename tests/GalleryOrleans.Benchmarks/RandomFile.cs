using System.Security.Cryptography;

namespace GalleryOrleans.Benchmarks;

/// <summary>Incompressible test data written to disk.</summary>
internal static class RandomFile
{
    /// <summary>Writes <paramref name="size"/> random bytes and returns their MD5 in hex: the ETag the store must answer.</summary>
    public static async Task<string> CreateAsync(string path, long size, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        for (long written = 0; written < size; written += buffer.Length)
        {
            var chunk = buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written));
            Random.Shared.NextBytes(chunk.Span);
            md5.AppendData(chunk.Span);
            await file.WriteAsync(chunk, cancellationToken);
        }
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }
}
