using System.Globalization;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>Reads one EXIF rational as libvips shows it ("28/10"), or a plain number.</summary>
internal static class ExifRational
{
    public static double? Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0)
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && double.IsFinite(plain) ? plain : null;

        return ulong.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator) &&
               ulong.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) &&
               denominator != 0
            ? (double)numerator / denominator
            : null;
    }
}
