using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// Computes <see cref="ImageFingerprint"/>s. Every entry point first reduces the photo to a small gray
/// raster (the file helpers decode straight to it with libvips shrink-on-load), then hashes that raster.
/// Thread-safe.
/// </summary>
public static class PerceptualHasher
{
    /// <summary>Side of the square gray raster that all hashes are computed from.</summary>
    public const int RasterSize = 64;

    /// <summary>Share of each side that the centre hash cuts off.</summary>
    public const float CentreCropFraction = 0.05f;

    private const double White = 255;

    /// <summary>Hashes an image file, decoding it at reduced size and honouring its EXIF orientation.</summary>
    public static ImageFingerprint FromFile(string path)
    {
        using var thumbnail = Image.Thumbnail(path, RasterSize, height: RasterSize, size: Enums.Size.Force);
        return FromThumbnail(thumbnail);
    }

    /// <summary>Hashes encoded image bytes, decoding them at reduced size and honouring EXIF orientation.</summary>
    public static ImageFingerprint FromBuffer(byte[] encoded)
    {
        using var thumbnail = Image.ThumbnailBuffer(encoded, RasterSize, height: RasterSize, size: Enums.Size.Force);
        return FromThumbnail(thumbnail);
    }

    /// <summary>Hashes an encoded image read from a stream, honouring its EXIF orientation.</summary>
    public static ImageFingerprint FromStream(Stream encoded)
    {
        using var thumbnail = Image.ThumbnailStream(encoded, RasterSize, height: RasterSize, size: Enums.Size.Force);
        return FromThumbnail(thumbnail);
    }

    /// <summary>
    /// Hashes an already decoded image as it is; apply <see cref="Image.Autorot"/> first if it may carry an
    /// EXIF orientation.
    /// </summary>
    public static ImageFingerprint FromImage(Image image)
    {
        using var thumbnail = image.ThumbnailImage(RasterSize, height: RasterSize, size: Enums.Size.Force);
        return FromThumbnail(thumbnail);
    }

    /// <summary>Hashes a <see cref="RasterSize"/>-square 8-bit gray raster, row-major.</summary>
    public static ImageFingerprint FromGrayRaster(ReadOnlySpan<byte> raster)
    {
        if (raster.Length != RasterSize * RasterSize)
        {
            throw new ArgumentException($"Raster must be {RasterSize}x{RasterSize} bytes.", nameof(raster));
        }

        Span<float> dctGrid = stackalloc float[DctHash.GridSize * DctHash.GridSize];
        AreaResampler.Resample(raster, RasterSize, RasterSize, GrayRegion.Whole(RasterSize, RasterSize),
            dctGrid, DctHash.GridSize, DctHash.GridSize);
        var pHash = DctHash.Compute(dctGrid);

        AreaResampler.Resample(raster, RasterSize, RasterSize,
            GrayRegion.Centre(RasterSize, RasterSize, CentreCropFraction),
            dctGrid, DctHash.GridSize, DctHash.GridSize);
        var centrePHash = DctHash.Compute(dctGrid);

        Span<float> gradientGrid = stackalloc float[DifferenceHash.GridWidth * DifferenceHash.GridHeight];
        AreaResampler.Resample(raster, RasterSize, RasterSize, GrayRegion.Whole(RasterSize, RasterSize),
            gradientGrid, DifferenceHash.GridWidth, DifferenceHash.GridHeight);
        var dHash = DifferenceHash.Compute(gradientGrid);

        return new ImageFingerprint(pHash, centrePHash, dHash);
    }

    private static ImageFingerprint FromThumbnail(Image thumbnail) => FromGrayRaster(ToGrayRaster(thumbnail));

    /// <summary>Any colour space, bit depth or alpha to 8-bit luminance, transparency shown over white.</summary>
    private static byte[] ToGrayRaster(Image thumbnail)
    {
        var current = thumbnail.Colourspace(Enums.Interpretation.Srgb);
        try
        {
            if (current.HasAlpha())
            {
                Replace(ref current, current.Flatten(background: [White]));
            }

            Replace(ref current, current.Colourspace(Enums.Interpretation.Bw));
            Replace(ref current, current.Cast(Enums.BandFormat.Uchar));
            return current.WriteToMemory<byte>();
        }
        finally
        {
            current.Dispose();
        }
    }

    private static void Replace(ref Image current, Image next)
    {
        current.Dispose();
        current = next;
    }
}
