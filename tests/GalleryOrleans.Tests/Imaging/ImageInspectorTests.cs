using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Imaging.Photos;
using NetVips;

namespace GalleryOrleans.Tests.Imaging;

[Trait("Category", "Unit")]
public sealed class ImageInspectorTests
{
    private readonly ImageInspector inspector = new(ImageLimits.Default);

    [Theory]
    [InlineData("astronaut.jpg", 512, 512)]
    [InlineData("baboon.jpg", 512, 512)]
    [InlineData("building.jpg", 868, 600)]
    [InlineData("chelsea.jpg", 451, 300)]
    [InlineData("coffee.jpg", 600, 400)]
    [InlineData("fruits.jpg", 512, 480)]
    [InlineData("rocket.jpg", 640, 427)]
    [InlineData("starry_night.jpg", 752, 600)]
    public void Inspects_sample_photos_without_upscaling_thumbnails(string photo, int width, int height)
    {
        var inspection = inspector.Inspect(SamplePhotos.PathOf(photo));

        Assert.Equal((width, height, 1), (inspection.Width, inspection.Height, inspection.Orientation));
        Assert.Null(inspection.TakenAt);
        Assert.Null(inspection.CameraMake);
        Assert.Null(inspection.Latitude);
        ThumbnailAssert.FitDisplayedSize(inspection);
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".gif")]
    [InlineData(".webp")]
    [InlineData(".tif")]
    public void Inspects_each_accepted_format(string suffix)
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("building.jpg");
        using var enlarged = photo.Resize(1.5);
        var path = folder.File("building" + suffix);
        TestImages.Save(enlarged, path);

        var inspection = inspector.Inspect(path);

        Assert.Equal((enlarged.Width, enlarged.Height), (inspection.Width, inspection.Height));
        ThumbnailAssert.FitDisplayedSize(inspection);
    }

    [Fact]
    public void Keeps_transparency_in_thumbnails()
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("chelsea.jpg");
        using var withAlpha = photo.Bandjoin(128);
        var path = folder.File("alpha.png");
        withAlpha.Pngsave(path);

        var inspection = inspector.Inspect(path);

        using var thumbnail = TestImages.Decode(inspection.Thumbnails[ThumbnailSizes.Small]);
        Assert.True(thumbnail.HasAlpha());
    }

    [Fact]
    public void Converts_16_bit_png_to_8_bit_thumbnails()
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("coffee.jpg");
        using var deep = (photo * 257).Cast(Enums.BandFormat.Ushort)
            .Copy(interpretation: Enums.Interpretation.Rgb16);
        var path = folder.File("deep.png");
        deep.Pngsave(path, bitdepth: 16);

        var inspection = inspector.Inspect(path);

        Assert.Equal((600, 400), (inspection.Width, inspection.Height));
        using var thumbnail = TestImages.Decode(inspection.Thumbnails[ThumbnailSizes.Large]);
        Assert.Equal(Enums.BandFormat.Uchar, thumbnail.Format);
        Assert.InRange(thumbnail.Avg(), photo.Avg() - 5, photo.Avg() + 5);
    }

    [Fact]
    public void Converts_cmyk_jpeg_to_srgb_thumbnails()
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("fruits.jpg");
        using var cmyk = photo.IccTransform("cmyk", inputProfile: "srgb");
        var path = folder.File("cmyk.jpg");
        cmyk.Jpegsave(path);

        var inspection = inspector.Inspect(path);

        using var thumbnail = TestImages.Decode(inspection.Thumbnails[ThumbnailSizes.Large]);
        Assert.Equal(3, thumbnail.Bands);
        Assert.InRange(thumbnail.Avg(), photo.Avg() - 15, photo.Avg() + 15);
    }

    [Fact]
    public void Converts_cmyk_jpeg_without_a_profile_to_srgb_thumbnails()
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("fruits.jpg");
        using var cmyk = photo.IccTransform("cmyk", inputProfile: "srgb");
        using var untagged = cmyk.Mutate(mutable => mutable.Remove("icc-profile-data"));
        var path = folder.File("cmyk.jpg");
        untagged.Jpegsave(path);

        var inspection = inspector.Inspect(path);

        using var thumbnail = TestImages.Decode(inspection.Thumbnails[ThumbnailSizes.Large]);
        Assert.Equal(3, thumbnail.Bands);
        Assert.InRange(thumbnail.Avg(), photo.Avg() - 15, photo.Avg() + 15);
    }

    [Fact]
    public void Converts_wide_gamut_images_to_srgb_before_dropping_the_profile()
    {
        using var folder = new TempFolder();
        using var red = (Image.Black(300, 200) + new[] { 255, 0, 0 }).Cast(Enums.BandFormat.Uchar)
            .Copy(interpretation: Enums.Interpretation.Srgb);
        using var displayP3 = red.IccTransform("p3", inputProfile: "srgb");
        var path = folder.File("p3.png");
        displayP3.Pngsave(path);

        var inspection = inspector.Inspect(path);

        using var thumbnail = TestImages.Decode(inspection.Thumbnails[ThumbnailSizes.Small]);
        var pixel = thumbnail.Getpoint(10, 10);
        Assert.True(displayP3.Getpoint(10, 10)[0] < 240, "the P3 encoding of sRGB red should not be red");
        Assert.InRange(pixel[0], 245, 255);
        Assert.InRange(pixel[1], 0, 10);
        Assert.InRange(pixel[2], 0, 10);
    }

    [Fact]
    public void Gives_the_same_answers_when_called_concurrently()
    {
        string[] photos = ["astronaut.jpg", "building.jpg", "chelsea.jpg", "rocket.jpg"];
        var sequential = photos.Select(photo => inspector.Inspect(SamplePhotos.PathOf(photo))).ToArray();

        var concurrent = photos.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .Select(photo => inspector.Inspect(SamplePhotos.PathOf(photo))).ToArray();

        for (var i = 0; i < photos.Length; i++)
        {
            Assert.Equal((sequential[i].Width, sequential[i].Height), (concurrent[i].Width, concurrent[i].Height));
            Assert.Equal(sequential[i].Thumbnails[ThumbnailSizes.Small], concurrent[i].Thumbnails[ThumbnailSizes.Small]);
        }
    }

    [Fact]
    public void Reports_a_missing_file_as_such()
    {
        using var folder = new TempFolder();

        Assert.Throws<FileNotFoundException>(() => inspector.Inspect(folder.File("absent.jpg")));
    }
}
