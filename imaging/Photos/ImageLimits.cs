using System.Globalization;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>Dimension limits checked against the header before any pixel is decoded.</summary>
public sealed record ImageLimits(long MaxPixels = 100_000_000, int MaxSide = 30_000)
{
    public static ImageLimits Default { get; } = new();

    internal void EnsureWithin(int width, int height)
    {
        if ((long)width * height > MaxPixels)
            throw TooLarge(width, height, $"the {(MaxPixels / 1_000_000d).ToString("0.##", CultureInfo.InvariantCulture)} megapixel limit");
        if (width > MaxSide || height > MaxSide)
            throw TooLarge(width, height, $"the {MaxSide} pixel side limit");
    }

    private static UnreadableMediaException TooLarge(int width, int height, string limit) =>
        new(UnreadableMediaReason.TooLarge, $"image too large: {width}x{height} exceeds {limit}");
}
