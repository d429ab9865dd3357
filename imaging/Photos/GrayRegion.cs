namespace GalleryOrleans.Imaging.Photos;

/// <summary>A rectangle of a gray raster in pixel units; fractional edges are allowed.</summary>
internal readonly record struct GrayRegion(float Left, float Top, float Width, float Height)
{
    public static GrayRegion Whole(int width, int height) => new(0, 0, width, height);

    /// <summary>The region left after cutting <paramref name="fraction"/> of the size from every side.</summary>
    public static GrayRegion Centre(int width, int height, float fraction) =>
        new(width * fraction, height * fraction, width * (1 - 2 * fraction), height * (1 - 2 * fraction));
}
