using GalleryOrleans.Imaging.Photos;
using NetVips;

namespace GalleryOrleans.Tests.Imaging;

[Trait("Category", "Unit")]
public sealed class ImageInspectorExifTests
{
    private readonly ImageInspector inspector = new(ImageLimits.Default);

    [Fact]
    public void Applies_orientation_6_to_size_and_thumbnails()
    {
        using var folder = new TempFolder();
        // Landscape, bright left half: rotated 90 degrees clockwise for display, the bright half ends on top.
        using var canvas = Image.Black(1600, 1200, bands: 3).Cast(Enums.BandFormat.Uchar)
            .Mutate(mutable => mutable.DrawRect([255, 255, 255], 0, 0, 800, 1200, fill: true));
        using var tagged = TestImages.WithExif(canvas, 6, ("exif-ifd2-DateTimeOriginal", "2019:05:01 10:00:00"));
        var path = folder.File("rotated.jpg");
        tagged.Jpegsave(path, q: 90);

        var inspection = inspector.Inspect(path);

        Assert.Equal((1200, 1600, 6), (inspection.Width, inspection.Height, inspection.Orientation));
        Assert.Equal(new DateTimeOffset(2019, 5, 1, 10, 0, 0, TimeSpan.Zero), inspection.TakenAt);
        ThumbnailAssert.FitDisplayedSize(inspection);
        using var large = TestImages.Decode(inspection.Thumbnails[ThumbnailSizes.Large]);
        Assert.Equal((768, 1024), (large.Width, large.Height));
        Assert.True(large.Crop(0, 0, 768, 400).Avg() > 240, "top of the upright thumbnail should be the bright half");
        Assert.True(large.Crop(0, 624, 768, 400).Avg() < 15, "bottom of the upright thumbnail should be the dark half");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(7, true)]
    [InlineData(8, true)]
    public void Swaps_sides_for_orientations_that_turn_the_image(int orientation, bool swapsSides)
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("building.jpg");
        using var tagged = TestImages.WithExif(photo, orientation);
        var path = folder.File("oriented.jpg");
        tagged.Jpegsave(path);

        var inspection = inspector.Inspect(path);

        Assert.Equal(orientation, inspection.Orientation);
        Assert.Equal(swapsSides ? (600, 868) : (868, 600), (inspection.Width, inspection.Height));
        ThumbnailAssert.FitDisplayedSize(inspection);
    }

    [Fact]
    public void Reads_camera_time_and_position()
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("rocket.jpg");
        using var tagged = TestImages.WithExif(photo, 1,
            ("exif-ifd0-Make", "Acme"),
            ("exif-ifd0-Model", "Pixelmaster 9"),
            ("exif-ifd2-DateTimeOriginal", "2021:07:14 18:30:05"),
            ("exif-ifd2-OffsetTimeOriginal", "+02:00"),
            ("exif-ifd3-GPSLatitude", "51/1 30/1 2628/100"),
            ("exif-ifd3-GPSLatitudeRef", "N"),
            ("exif-ifd3-GPSLongitude", "0/1 7/1 3900/100"),
            ("exif-ifd3-GPSLongitudeRef", "W"));
        var path = folder.File("tagged.jpg");
        tagged.Jpegsave(path);

        var inspection = inspector.Inspect(path);

        Assert.Equal("Acme", inspection.CameraMake);
        Assert.Equal("Pixelmaster 9", inspection.CameraModel);
        Assert.Equal(new DateTimeOffset(2021, 7, 14, 18, 30, 5, TimeSpan.FromHours(2)), inspection.TakenAt);
        Assert.Equal(TimeSpan.FromHours(2), inspection.TakenAt!.Value.Offset);
        Assert.Equal(51.5073, inspection.Latitude!.Value, 4);
        Assert.Equal(-0.1275, inspection.Longitude!.Value, 4);
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".webp")]
    public void Reads_exif_from_png_and_webp(string suffix)
    {
        var inspection = InspectTaggedCoffee(suffix);

        Assert.Equal((8, 400, 600), (inspection.Orientation, inspection.Width, inspection.Height));
        Assert.Equal("Acme", inspection.CameraMake);
        Assert.Equal(new DateTimeOffset(2020, 2, 29, 23, 59, 59, TimeSpan.Zero), inspection.TakenAt);
        ThumbnailAssert.FitDisplayedSize(inspection);
    }

    [Fact]
    public void Reads_orientation_from_tiff()
    {
        // libvips writes the TIFF orientation tag but no EXIF directory, so only the orientation comes back.
        var inspection = InspectTaggedCoffee(".tif");

        Assert.Equal((8, 400, 600), (inspection.Orientation, inspection.Width, inspection.Height));
        ThumbnailAssert.FitDisplayedSize(inspection);
    }

    private ImageInspection InspectTaggedCoffee(string suffix)
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("coffee.jpg");
        using var tagged = TestImages.WithExif(photo, 8,
            ("exif-ifd0-Make", "Acme"),
            ("exif-ifd2-DateTimeOriginal", "2020:02:29 23:59:59"));
        var path = folder.File("tagged" + suffix);
        tagged.WriteToFile(path);
        return inspector.Inspect(path);
    }
}
