using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Auth;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Share sessions: what a link holder gets for the right access code. A session is self-contained and
/// signed (HMAC-SHA256 under a key derived from the cluster key) over the link, the code it was
/// granted for, and its expiry, so it survives the share grain moving and dies when the code changes.
/// </summary>
public sealed class ShareSessions(TokenSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly byte[] key = settings.DeriveKey("share-session");

    public (string Session, DateTime ExpiresAt) Issue(byte[] tokenHash, string codeHash)
    {
        var expiresAt = clock.GetUtcNow().UtcDateTime + Lifetime;
        var expiry = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expiry, expiresAt.Ticks);
        return (Base64Url.EncodeToString(expiry) + "." + Base64Url.EncodeToString(Mac(tokenHash, codeHash, expiry)), expiresAt);
    }

    public bool IsValid(string? session, byte[] tokenHash, string codeHash)
    {
        var parts = session?.Split('.');
        if (parts is not { Length: 2 } || parts[0].Length > 20 || parts[1].Length > 60)
        {
            return false;
        }
        try
        {
            var expiry = Base64Url.DecodeFromChars(parts[0]);
            var mac = Base64Url.DecodeFromChars(parts[1]);
            return expiry.Length == 8
                && CryptographicOperations.FixedTimeEquals(mac, Mac(tokenHash, codeHash, expiry))
                && BinaryPrimitives.ReadInt64BigEndian(expiry) > clock.GetUtcNow().UtcTicks;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private byte[] Mac(byte[] tokenHash, string codeHash, byte[] expiry) =>
        HMACSHA256.HashData(key, (byte[])[.. tokenHash, .. System.Text.Encoding.UTF8.GetBytes(codeHash), .. expiry]);
}
