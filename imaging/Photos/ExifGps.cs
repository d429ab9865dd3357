namespace GalleryOrleans.Imaging.Photos;

/// <summary>Converts EXIF GPS degrees/minutes/seconds rationals ("51/1 30/1 2628/100") and N/S/E/W refs to decimal degrees.</summary>
internal static class ExifGps
{
    public static double? Latitude(string? degreesMinutesSeconds, string? reference) =>
        Coordinate(degreesMinutesSeconds, reference, 90, "S");

    public static double? Longitude(string? degreesMinutesSeconds, string? reference) =>
        Coordinate(degreesMinutesSeconds, reference, 180, "W");

    // A missing reference is read as N/E, the convention of most readers.
    private static double? Coordinate(string? degreesMinutesSeconds, string? reference, double limit, string negativeReference)
    {
        var parts = degreesMinutesSeconds?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (parts.Length is 0 or > 3)
            return null;

        double degrees = 0, divisor = 1;
        foreach (var part in parts)
        {
            if (ExifRational.Parse(part) is not { } value || value < 0)
                return null;
            degrees += value / divisor;
            divisor *= 60;
        }

        if (degrees > limit)
            return null;
        return string.Equals(reference?.Trim(), negativeReference, StringComparison.OrdinalIgnoreCase) ? -degrees : degrees;
    }
}
