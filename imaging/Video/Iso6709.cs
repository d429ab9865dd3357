using System.Globalization;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// Reads the ISO 6709 position phones write into videos ("+48.8584+002.2945+035.000/"): latitude and longitude in
/// signed decimal degrees, then an optional altitude.
/// </summary>
internal static partial class Iso6709
{
    public static (double Latitude, double Longitude)? Parse(string? text)
    {
        if (text is null || Position().Match(text) is not { Success: true } match)
        {
            return null;
        }
        var latitude = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var longitude = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180 ? (latitude, longitude) : null;
    }

    [GeneratedRegex(@"^([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)")]
    private static partial Regex Position();
}
