using System.Buffers.Text;
using System.Security.Cryptography;

namespace GalleryOrleans.Grains.Auth;

/// <summary>
/// Bearer secrets handed to users (refresh, reset and verification tokens): the owner's id and a
/// random secret in one URL-safe string. Only the SHA-256 of the secret is stored, and it is compared
/// in constant time.
/// </summary>
public static class SecretToken
{
    private const int SecretBytes = 32;
    private const int IdBytes = 16;

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Joins an owner id (user, session, ...) and a secret into one token.</summary>
    public static string Encode(Guid ownerId, string secret) =>
        Base64Url.EncodeToString(ownerId.ToByteArray()) + "." + secret;

    public static bool TryDecode(string? token, out Guid ownerId, out string secret)
    {
        ownerId = Guid.Empty;
        secret = "";
        if (token is null || token.Length > 200)
        {
            return false;
        }
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot == token.Length - 1)
        {
            return false;
        }
        Span<byte> id = stackalloc byte[IdBytes];
        if (!Base64Url.TryDecodeFromChars(token.AsSpan(0, dot), id, out var written) || written != IdBytes)
        {
            return false;
        }
        ownerId = new Guid(id);
        secret = token[(dot + 1)..];
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[]? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);
}
