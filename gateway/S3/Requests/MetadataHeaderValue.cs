using System.Text;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>
/// User metadata values as S3 carries them in headers: a value with characters outside printable ASCII goes out
/// RFC 2047-encoded (<c>=?UTF-8?B?...?=</c>), since such characters may not appear in an HTTP header; an
/// encoded value that arrives is decoded before it is stored, so the stored value is the text the client meant.
/// </summary>
internal static partial class MetadataHeaderValue
{
    public static string Encode(string value) => value.All(IsPlainHeaderChar)
        ? value
        : "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";

    /// <summary>The text of one or more RFC 2047 encoded words in UTF-8 (B or Q); any other value as it is.</summary>
    public static string Decode(string value)
    {
        var matches = EncodedWord().Matches(value.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)).Length != WithoutSpaces(value).Length)
        {
            return value;
        }
        var bytes = new List<byte>();
        foreach (Match word in matches)
        {
            if (!TryDecodeWord(word.Groups["encoding"].Value, word.Groups["text"].Value, bytes))
            {
                return value;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool TryDecodeWord(string encoding, string text, List<byte> bytes)
    {
        if (encoding is "B" or "b")
        {
            var buffer = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, buffer, out var written))
            {
                return false;
            }
            bytes.AddRange(buffer.AsSpan(0, written));
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var escaped))
            {
                bytes.Add(escaped);
                i += 2;
            }
            else
            {
                bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
            }
        }
        return true;
    }

    private static bool IsPlainHeaderChar(char c) => c is >= ' ' and <= '~';

    private static string WithoutSpaces(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"=\?UTF-8\?(?<encoding>[BbQq])\?(?<text>[^?\s]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
