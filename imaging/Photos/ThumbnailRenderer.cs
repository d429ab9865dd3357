using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>Renders the upright WebP thumbnails of an image file, decoding it once.</summary>
internal static class ThumbnailRenderer
{
    private const int WebPQuality = 80;

    // libwebp effort 2 encodes a 1024 px thumbnail about 2.4x faster than the default 4 for ~5% more bytes.
    private const int WebPEffort = 2;

    /// <param name="hasColourProfile">Whether the image embeds an ICC profile. Only then are pixels converted to
    /// sRGB, before the profile is stripped; converting untagged images costs more than the whole resize.</param>
    public static IReadOnlyDictionary<int, byte[]> Render(string path, bool hasColourProfile)
    {
        // Thumbnailing from the file lets the loader shrink while decoding (JPEG DCT scaling, WebP and HEIF
        // scaled decode) and applies EXIF orientation.
        using var large = Image.Thumbnail(path, ThumbnailSizes.Large, height: ThumbnailSizes.Large,
            size: Enums.Size.Down, outputProfile: hasColourProfile ? "srgb" : null, failOn: Enums.FailOn.Error);
        // Materialised so the small thumbnail is derived from these pixels instead of decoding the file again.
        using var largePixels = large.CopyMemory();
        using var small = largePixels.ThumbnailImage(ThumbnailSizes.Small, height: ThumbnailSizes.Small,
            size: Enums.Size.Down, noRotate: true);
        return new Dictionary<int, byte[]>
        {
            [ThumbnailSizes.Small] = Encode(small),
            [ThumbnailSizes.Large] = Encode(largePixels),
        };
    }

    private static byte[] Encode(Image image) =>
        image.WebpsaveBuffer(q: WebPQuality, effort: WebPEffort, keep: Enums.ForeignKeep.None);
}
