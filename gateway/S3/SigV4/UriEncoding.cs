using System.Text;

namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>Percent-encoding as SigV4 defines it: only A-Z a-z 0-9 - _ . ~ stay literal, the rest is %XX (uppercase) of UTF-8.</summary>
internal static class UriEncoding
{
    public static string Encode(ReadOnlySpan<byte> bytes, bool keepSlash = false)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b) || (keepSlash && b == '/'))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    public static string Encode(string text, bool keepSlash = false) => Encode(Encoding.UTF8.GetBytes(text), keepSlash);

    /// <summary>
    /// Decodes %XX escapes to bytes. A '%' not followed by two hex digits stays literal, so a request that
    /// was sent that way simply fails its signature instead of being rejected here.
    /// </summary>
    public static byte[] Decode(string encoded, bool plusIsSpace)
    {
        var input = Encoding.UTF8.GetBytes(encoded);
        var output = new byte[input.Length];
        var length = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == '%' && i + 2 < input.Length && TryHex(input[i + 1], input[i + 2], out var decoded))
            {
                output[length++] = decoded;
                i += 2;
            }
            else
            {
                output[length++] = plusIsSpace && b == '+' ? (byte)' ' : b;
            }
        }

        return output[..length];
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static bool TryHex(byte high, byte low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
