using GalleryOrleans.Tests.Infrastructure;
using System.Diagnostics;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Imaging;

public sealed class ImageInspectorRejectionTests
{
    private const long MegaByte = 1024 * 1024;

    private readonly ImageInspector inspector = new(ImageLimits.Default);

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    public void Refuses_truncated_files_as_corrupt(string suffix)
    {
        var error = Assert.Throws<UnreadableMediaException>(() => InspectFirstHalfOf(suffix));

        Assert.Equal(UnreadableMediaReason.Corrupt, error.Reason);
        Assert.Equal("truncated or corrupt", error.Message);
    }

    [Fact]
    public void Refuses_truncated_webp_from_its_header()
    {
        // libwebp checks the RIFF length against the file size, so a cut WebP fails before any pixel is decoded.
        var error = Assert.Throws<UnreadableMediaException>(() => InspectFirstHalfOf(".webp"));

        Assert.Equal(UnreadableMediaReason.NotAnImage, error.Reason);
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "empty.jpg", [] },
        { "random.jpg", RandomBytes() },
        { "text.jpg", "just some text, not a photo\n"u8.ToArray() },
        // libvips would read this as a 2x2 matrix image.
        { "matrix.txt", "2 2\n1 2\n3 4\n"u8.ToArray() },
        { "drawing.svg", """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"""u8.ToArray() },
        { "header-only.jpg", [0xFF, 0xD8, 0xFF, 0xE0] },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Refuses_files_that_are_not_images(string name, byte[] content)
    {
        using var folder = new TempFolder();
        var path = folder.File(name);
        File.WriteAllBytes(path, content);

        var error = Assert.Throws<UnreadableMediaException>(() => inspector.Inspect(path));

        Assert.Equal(UnreadableMediaReason.NotAnImage, error.Reason);
        Assert.Equal("not a readable image", error.Message);
    }

    [Fact]
    public void Refuses_a_50000_by_50000_png_from_its_header_alone()
    {
        using var folder = new TempFolder();
        var path = folder.File("bomb.png");
        File.WriteAllBytes(path, HandmadePng.WithDeclaredSize(50_000, 50_000));
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;

        var error = Assert.Throws<UnreadableMediaException>(() => inspector.Inspect(path));

        process.Refresh();
        Assert.Equal(UnreadableMediaReason.TooLarge, error.Reason);
        Assert.Equal("image too large: 50000x50000 exceeds the 100 megapixel limit", error.Message);
        Assert.True(new FileInfo(path).Length < 1024);
        Assert.InRange(process.WorkingSet64 - workingSetBefore, long.MinValue, 500 * MegaByte);
    }

    [Theory]
    [InlineData(20_000, 20_000, "image too large: 20000x20000 exceeds the 100 megapixel limit")]
    [InlineData(40_000, 10, "image too large: 40000x10 exceeds the 30000 pixel side limit")]
    [InlineData(10, 30_001, "image too large: 10x30001 exceeds the 30000 pixel side limit")]
    public void Enforces_both_limits(int width, int height, string message)
    {
        using var folder = new TempFolder();
        var path = folder.File("large.png");
        File.WriteAllBytes(path, HandmadePng.WithDeclaredSize(width, height));

        var error = Assert.Throws<UnreadableMediaException>(() => inspector.Inspect(path));

        Assert.Equal(UnreadableMediaReason.TooLarge, error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Applies_configured_limits()
    {
        var strict = new ImageInspector(new ImageLimits(MaxPixels: 100_000));

        var error = Assert.Throws<UnreadableMediaException>(() => strict.Inspect(SamplePhotos.PathOf("chelsea.jpg")));

        Assert.Equal("image too large: 451x300 exceeds the 0.1 megapixel limit", error.Message);
    }

    // The JPEG is the shared photo as stored; the other formats are encoded from it.
    private ImageInspection InspectFirstHalfOf(string suffix)
    {
        using var folder = new TempFolder();
        using var image = TestImages.LoadPhoto("astronaut.jpg");
        var whole = suffix == ".jpg" ? File.ReadAllBytes(SamplePhotos.PathOf("astronaut.jpg")) : image.WriteToBuffer(suffix);
        var path = folder.File("truncated" + suffix);
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
        return inspector.Inspect(path);
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
