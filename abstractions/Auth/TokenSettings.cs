using System.Security.Cryptography;
using System.Text;

namespace GalleryOrleans.Abstractions.Auth;

/// <summary>
/// Access-token settings shared by the silos that issue tokens and the gateway that checks them,
/// bound from the "Auth" section. Keys for separate purposes are derived from the one cluster key,
/// so a leaked purpose key reveals nothing about the others.
/// </summary>
public sealed class TokenSettings
{
    public const string Section = "Auth";

    /// <summary>The cluster key, base64, at least 32 bytes. Never committed: the local run generates one.</summary>
    public string SigningKey { get; set; } = "";
    public string Issuer { get; set; } = "galleryorleans";
    public string Audience { get; set; } = "galleryorleans";
    public int AccessTokenMinutes { get; set; } = 15;

    public byte[] DeriveKey(string purpose)
    {
        byte[] clusterKey;
        try
        {
            clusterKey = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:SigningKey must be base64.");
        }
        if (clusterKey.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must hold at least 32 bytes (base64); the local run generates one.");
        }
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, clusterKey, 32, info: Encoding.UTF8.GetBytes("galleryorleans/" + purpose));
    }

    public byte[] JwtSigningKey() => DeriveKey("jwt");
}
