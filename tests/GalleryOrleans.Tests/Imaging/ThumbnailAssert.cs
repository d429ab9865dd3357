using GalleryOrleans.Gateway.Gallery.Sniffing;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Imaging;

internal static class ThumbnailAssert
{
    /// <summary>
    /// Asserts both thumbnails are metadata-free WebPs whose longest side is the target size, or the displayed
    /// size when that is smaller, with the displayed aspect ratio.
    /// </summary>
    public static void FitDisplayedSize(ImageInspection inspection)
    {
        Assert.Equal([ThumbnailSizes.Small, ThumbnailSizes.Large], inspection.Thumbnails.Keys.Order());
        foreach (var (target, webp) in inspection.Thumbnails)
        {
            Assert.Equal(SniffedMedia.WebP, MediaSniffer.Sniff(webp));
            using var thumbnail = TestImages.Decode(webp);
            var scale = Math.Min(1.0, (double)target / Math.Max(inspection.Width, inspection.Height));

            Assert.Equal(Math.Min(target, Math.Max(inspection.Width, inspection.Height)), Math.Max(thumbnail.Width, thumbnail.Height));
            Assert.InRange(thumbnail.Width, inspection.Width * scale - 1, inspection.Width * scale + 1);
            Assert.InRange(thumbnail.Height, inspection.Height * scale - 1, inspection.Height * scale + 1);
            Assert.Equal(0, thumbnail.GetTypeOf("exif-data"));
            Assert.Equal(0, thumbnail.GetTypeOf("icc-profile-data"));
        }
    }
}
