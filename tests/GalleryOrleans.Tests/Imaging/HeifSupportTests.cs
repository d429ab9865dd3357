using GalleryOrleans.Gateway.Gallery.Sniffing;
using GalleryOrleans.Imaging.Photos;
using NetVips;
using Xunit.Abstractions;

namespace GalleryOrleans.Tests.Imaging;

/// <summary>
/// HEIF support depends on the codecs compiled into NetVips.Native. These tests report what the build can do and
/// assert the inspector behaves cleanly either way, so a different native build does not fail them.
/// </summary>
public sealed class HeifSupportTests(ITestOutputHelper output)
{
    // 96x64 HEVC-coded HEIC written by libheif's heif-enc (x265), since libvips here cannot encode HEVC.
    private static readonly string HevcFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hevc-96x64.heic");

    private readonly ImageInspector inspector = new(ImageLimits.Default);

    [Fact]
    public void Inspects_avif_when_the_build_has_an_av1_codec()
    {
        using var folder = new TempFolder();
        using var photo = TestImages.LoadPhoto("rocket.jpg");
        var path = folder.File("rocket.avif");
        try
        {
            photo.Heifsave(path, compression: Enums.ForeignHeifCompression.Av1, effort: 0);
        }
        catch (VipsException e)
        {
            output.WriteLine($"AVIF: this libvips build cannot encode AV1 ({e.Message.Trim()})");
            return;
        }

        Assert.Equal(SniffedMedia.Avif, MediaSniffer.Sniff(File.ReadAllBytes(path)));
        var inspection = inspector.Inspect(path);

        output.WriteLine($"AVIF: loader {Image.FindLoad(path)} decodes it");
        Assert.Equal((640, 427), (inspection.Width, inspection.Height));
        ThumbnailAssert.FitDisplayedSize(inspection);
    }

    [Fact]
    public void Inspects_hevc_heic_or_refuses_it_as_unsupported()
    {
        Assert.Equal(SniffedMedia.Heic, MediaSniffer.Sniff(File.ReadAllBytes(HevcFixture)));

        ImageInspection inspection;
        try
        {
            inspection = inspector.Inspect(HevcFixture);
        }
        catch (UnreadableMediaException e)
        {
            output.WriteLine($"HEIC: refused, {e.Reason}: {e.Message}");
            Assert.Equal(UnreadableMediaReason.Unsupported, e.Reason);
            return;
        }

        output.WriteLine("HEIC: decoded");
        Assert.Equal((96, 64), (inspection.Width, inspection.Height));
        ThumbnailAssert.FitDisplayedSize(inspection);
    }
}
