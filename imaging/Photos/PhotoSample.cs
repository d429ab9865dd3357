using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// What the similarity signals beyond the hashes need from one decode of a photo: the embedding model's input
/// raster and the photo's sharpness.
/// </summary>
/// <param name="Bgr">Planar blue, green, red, 0..255, <see cref="ModelSide"/> square (the whole frame, squashed).</param>
/// <param name="Sharpness">Variance of the Laplacian of the gray image at <see cref="SharpnessSide"/> px: higher is sharper.</param>
public sealed record PhotoSample(float[] Bgr, double Sharpness)
{
    public const int ModelSide = 224;

    /// <summary>Long side the sharpness is measured at: large enough that blur and shake still show.</summary>
    public const int SharpnessSide = 512;

    private const double White = 255;

    /// <summary>Decodes at reduced size (libvips shrink-on-load), honouring EXIF orientation.</summary>
    public static PhotoSample FromFile(string path)
    {
        using var decoded = Image.Thumbnail(path, SharpnessSide, height: SharpnessSide, size: Enums.Size.Down);
        using var rgb = ToSrgb(decoded);
        using var pixels = rgb.CopyMemory();
        using var gray = pixels.Colourspace(Enums.Interpretation.Bw);
        var sharpness = LaplacianVariance.Of(gray.WriteToMemory<byte>(), gray.Width, gray.Height);
        using var square = pixels.ThumbnailImage(ModelSide, height: ModelSide, size: Enums.Size.Force, noRotate: true);
        return new PhotoSample(ToPlanarBgr(square.WriteToMemory<byte>()), sharpness);
    }

    /// <summary>Any colour space, bit depth or alpha to 8-bit sRGB, transparency shown over white.</summary>
    private static Image ToSrgb(Image image)
    {
        var current = image.Colourspace(Enums.Interpretation.Srgb);
        if (current.HasAlpha())
        {
            var flat = current.Flatten(background: [White, White, White]);
            current.Dispose();
            current = flat;
        }
        var bytes = current.Cast(Enums.BandFormat.Uchar);
        current.Dispose();
        return bytes;
    }

    private static float[] ToPlanarBgr(byte[] interleavedRgb)
    {
        const int plane = ModelSide * ModelSide;
        var bgr = new float[3 * plane];
        for (var pixel = 0; pixel < plane; pixel++)
        {
            bgr[pixel] = interleavedRgb[3 * pixel + 2];
            bgr[plane + pixel] = interleavedRgb[3 * pixel + 1];
            bgr[2 * plane + pixel] = interleavedRgb[3 * pixel];
        }
        return bgr;
    }
}
