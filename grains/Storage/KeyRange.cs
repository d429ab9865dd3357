using System.Text;

namespace GalleryOrleans.Grains.Storage;

/// <summary>Key ranges in S3 order (by code point, which is UTF-8 byte order and collation "C").</summary>
public static class KeyRange
{
    /// <summary>The common prefix a listing with a delimiter rolls <paramref name="key"/> into; null when it is listed itself.</summary>
    public static string? CommonPrefixOf(string key, string prefix, string? delimiter)
    {
        if (delimiter is null || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/>; null if none.</summary>
    public static string? UpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last < 0x10FFFF)
            {
                var next = last + 1 == 0xD800 ? 0xE000 : last + 1;
                var builder = new StringBuilder();
                runes.ForEach(r => builder.Append(r.ToString()));
                return builder.Append(new Rune(next).ToString()).ToString();
            }
        }
        return null;
    }
}
