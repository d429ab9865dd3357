using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>Share link tokens: 256 random bits, URL-safe; grains and rows know them by their SHA-256.</summary>
public static class ShareTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string GrainKey(string token) => Convert.ToHexStringLower(Hash(token));

    /// <summary>Whether the string has the shape of a token we hand out (43 URL-safe characters).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
