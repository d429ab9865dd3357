using System.Text.RegularExpressions;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// libvips exposes each EXIF tag as text of the form "raw (shown, Format, N components, M bytes)", for example
/// "51/1 30/1 2628/100 (51, 30, 26.28, Rational, 3 components, 24 bytes)". This recovers the raw part.
/// </summary>
internal static partial class VipsExifText
{
    [GeneratedRegex(@", [A-Za-z]+, \d+ components?, \d+ bytes?\)$")]
    private static partial Regex Description();

    /// <returns>The raw value, or null when it is blank.</returns>
    public static string? RawValue(string text)
    {
        var description = Description().Match(text);
        var value = description.Success ? RawPart(text[..description.Index]) : text;
        value = value.Trim(' ', '\0');
        return value.Length == 0 ? null : value;
    }

    // What remains is "raw (shown". For ASCII tags both halves are the same text, which may itself contain " (",
    // so an exact halving is tried before cutting at the first " (".
    private static string RawPart(string rawAndShown)
    {
        var half = (rawAndShown.Length - 2) / 2;
        if (rawAndShown.Length >= 2 && rawAndShown.Length % 2 == 0 &&
            rawAndShown.AsSpan(half, 2).SequenceEqual(" (") &&
            rawAndShown.AsSpan(0, half).SequenceEqual(rawAndShown.AsSpan(half + 2)))
            return rawAndShown[..half];

        var separator = rawAndShown.IndexOf(" (", StringComparison.Ordinal);
        return separator < 0 ? rawAndShown : rawAndShown[..separator];
    }
}
