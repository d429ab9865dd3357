using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Auth;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// Short-lived signed addresses of a video's playback, for a <c>&lt;video src&gt;</c> that cannot send the bearer
/// header: HMAC-SHA256 (key derived from the cluster key) over the media id, the user it was issued to and the
/// expiry. The media grain still checks that the user owns the media on every request.
/// </summary>
internal sealed class StreamSignatures(TokenSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly byte[] key = settings.DeriveKey("media-stream");

    public (string Query, DateTime ExpiresAt) Issue(Guid mediaId, Guid userId)
    {
        var expiresAt = clock.GetUtcNow().UtcDateTime + Lifetime;
        var expires = new DateTimeOffset(expiresAt).ToUnixTimeSeconds();
        return ($"user={userId:N}&expires={expires}&signature={Base64Url.EncodeToString(Mac(mediaId, userId, expires))}", expiresAt);
    }

    public bool IsValid(Guid mediaId, Guid userId, long expires, string? signature)
    {
        if (signature is not { Length: 43 } || expires < clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }
        try
        {
            return CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(signature), Mac(mediaId, userId, expires));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private byte[] Mac(Guid mediaId, Guid userId, long expires)
    {
        var expiry = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expiry, expires);
        return HMACSHA256.HashData(key, (byte[])[.. mediaId.ToByteArray(), .. userId.ToByteArray(), .. expiry]);
    }
}
