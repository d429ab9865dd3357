using System.Globalization;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>Parses EXIF "YYYY:MM:DD HH:MM:SS" date-times with their optional "+HH:MM" offset tag.</summary>
internal static partial class ExifTimestamp
{
    private const int DateTimeLength = 19;
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    // The EXIF form first; the ISO-like ones are what some editing tools write instead.
    private static readonly string[] Formats = ["yyyy:MM:dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    [GeneratedRegex(@"^([+-])(\d{2}):(\d{2})$")]
    private static partial Regex OffsetPattern();

    /// <returns>The instant, taken as UTC when <paramref name="offset"/> is missing or invalid; null when the
    /// date-time is missing or a placeholder such as "0000:00:00 00:00:00".</returns>
    public static DateTimeOffset? Parse(string? dateTime, string? offset)
    {
        if (dateTime is null || dateTime.Length < DateTimeLength ||
            !DateTime.TryParseExact(dateTime[..DateTimeLength], Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
            return null;
        return new DateTimeOffset(local, ParseOffset(offset));
    }

    private static TimeSpan ParseOffset(string? offset)
    {
        var match = offset is null ? Match.Empty : OffsetPattern().Match(offset);
        if (!match.Success)
            return TimeSpan.Zero;

        var minutes = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        var magnitude = TimeSpan.FromHours(int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture)) +
                        TimeSpan.FromMinutes(minutes);
        if (minutes >= 60 || magnitude > MaxOffset)
            return TimeSpan.Zero;
        return match.Groups[1].Value == "-" ? -magnitude : magnitude;
    }
}
