using System.Security.Cryptography;
using System.Text;
using GalleryOrleans.Abstractions.Auth;

namespace GalleryOrleans.Grains.Auth;

/// <summary>
/// Encrypts secrets the server must be able to read back (S3 secret keys, which sign requests) with
/// AES-GCM under a key derived from the cluster key, so grain state in the database never holds them
/// in plain text.
/// </summary>
public sealed class SecretProtector(TokenSettings settings)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key = settings.DeriveKey("stored-secrets");

    public byte[] Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public string Unprotect(byte[] protectedBytes)
    {
        var plain = new byte[protectedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            protectedBytes.AsSpan(0, NonceSize),
            protectedBytes.AsSpan(NonceSize + TagSize),
            protectedBytes.AsSpan(NonceSize, TagSize),
            plain);
        return Encoding.UTF8.GetString(plain);
    }
}
