using GalleryOrleans.Gateway.Gallery.Sniffing;
using System.Buffers.Binary;
using System.Text;
using GalleryOrleans.Tests.Imaging;

namespace GalleryOrleans.Tests.Gallery;

[Trait("Category", "Unit")]
public sealed class MediaSnifferTests
{
    public static TheoryData<string, byte[], string> Recognised => new()
    {
        { "JPEG/JFIF", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "image/jpeg" },
        { "JPEG/EXIF", [0xFF, 0xD8, 0xFF, 0xE1, 0x12, 0x34, (byte)'E', (byte)'x', (byte)'i', (byte)'f'], "image/jpeg" },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "image/png" },
        { "GIF87a", Ascii("GIF87a\x01\x00\x01\x00"), "image/gif" },
        { "GIF89a", Ascii("GIF89a\x01\x00\x01\x00"), "image/gif" },
        { "WebP", Ascii("RIFF\x24\x00\x00\x00WEBPVP8 "), "image/webp" },
        { "TIFF little-endian", Ascii("II*\0\x08\0\0\0"), "image/tiff" },
        { "TIFF big-endian", Ascii("MM\0*\0\0\0\x08"), "image/tiff" },
        { "BigTIFF", Ascii("II+\0\x08\0\0\0"), "image/tiff" },
        { "HEIC", Ftyp("heic", "mif1", "heic"), "image/heic" },
        { "HEIC heix", Ftyp("heix", "mif1", "heix"), "image/heic" },
        { "HEIC hevc sequence", Ftyp("hevc", "msf1", "hevc"), "image/heic" },
        { "HEIF mif1", Ftyp("mif1", "mif1", "heic"), "image/heic" },
        { "HEIF msf1", Ftyp("msf1", "msf1"), "image/heic" },
        { "AVIF", Ftyp("avif", "mif1", "miaf", "MA1B"), "image/avif" },
        { "AVIF sequence", Ftyp("avis", "msf1", "avis"), "image/avif" },
        { "AVIF under mif1", Ftyp("mif1", "mif1", "avif", "miaf"), "image/avif" },
        { "MP4 isom", Ftyp("isom", "isom", "iso2", "avc1", "mp41"), "video/mp4" },
        { "MP4 mp42", Ftyp("mp42", "mp42", "isom"), "video/mp4" },
        { "MP4 mp41", Ftyp("mp41", "mp41"), "video/mp4" },
        { "MP4 dash", Ftyp("dash", "iso6", "mp41"), "video/mp4" },
        { "M4V", Ftyp("M4V ", "M4V ", "M4A ", "mp42", "isom"), "video/mp4" },
        { "MOV ftyp", Ftyp("qt  ", "qt  "), "video/quicktime" },
        { "MOV moov first", Box(0x6C, "moov"), "video/quicktime" },
        { "MOV mdat to end of file", Box(0, "mdat"), "video/quicktime" },
        { "MOV wide", Box(8, "wide"), "video/quicktime" },
        { "MOV free", Box(16, "free"), "video/quicktime" },
        { "WebM", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01], "video/webm" },
    };

    public static TheoryData<string, byte[]> Unrecognised => new()
    {
        { "empty", [] },
        { "JPEG marker cut short", [0xFF, 0xD8] },
        { "text in a file named .jpg", Ascii("this is not really a photo\n") },
        { "PDF", Ascii("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj") },
        { "ZIP", Ascii("PK\x03\x04\x14\0\0\0\x08\0") },
        { "WAV", Ascii("RIFF\x24\x00\x00\x00WAVEfmt ") },
        { "BMP", Ascii("BM\x36\x00\x0C\x00\0\0\0\0") },
        { "GIF with unknown version", Ascii("GIF88a\x01\x00\x01\x00") },
        { "SVG", Ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") },
        { "M4A audio", Ftyp("M4A ", "M4A ", "mp42", "isom") },
        { "Canon CR3 raw", Ftyp("crx ", "crx ", "isom") },
        { "ftyp box shorter than its header", [0x00, 0x00, 0x00, 0x04, .. Ascii("ftypisom")] },
        { "QuickTime atom with impossible size", Box(5, "moov") },
        { "unknown box", Box(16, "abcd") },
    };

    [Theory]
    [MemberData(nameof(Recognised))]
    public void Recognises_signature(string format, byte[] head, string contentType)
    {
        var media = MediaSniffer.Sniff(head);

        Assert.True(media is not null, $"{format} was not recognised");
        Assert.Equal(contentType, media.ContentType);
        Assert.Equal(contentType.StartsWith("video/", StringComparison.Ordinal) ? MediaKind.Video : MediaKind.Image, media.Kind);
    }

    [Theory]
    [MemberData(nameof(Unrecognised))]
    public void Rejects_everything_else(string format, byte[] head)
    {
        Assert.True(MediaSniffer.Sniff(head) is null, $"{format} should not be recognised");
    }

    [Fact]
    public void Uses_only_the_major_brand_when_the_compatible_brands_are_cut_off()
    {
        var head = Ftyp("heic", "mif1", "heic", "miaf", "MiHB", "MiHE", "MiPr", "tmap", "iso8", "avif")[..24];

        Assert.Equal(SniffedMedia.Heic, MediaSniffer.Sniff(head));
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".gif")]
    [InlineData(".webp")]
    [InlineData(".tif")]
    public void Recognises_files_written_by_libvips(string suffix)
    {
        using var folder = new TempFolder();
        using var image = TestImages.LoadPhoto("chelsea.jpg");
        var path = folder.File("sample" + suffix);
        TestImages.Save(image, path);

        var media = MediaSniffer.Sniff(File.ReadAllBytes(path).AsSpan(0, MediaSniffer.HeadLength));

        Assert.NotNull(media);
        Assert.Equal(suffix == ".tif" ? ".tiff" : suffix, media.Extension);
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Ftyp(string majorBrand, params string[] compatibleBrands)
    {
        var brands = string.Concat(compatibleBrands);
        return Box(16 + brands.Length, "ftyp", majorBrand + "\0\0\0\0" + brands);
    }

    private static byte[] Box(int size, string type, string payload = "")
    {
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(box, size);
        Encoding.Latin1.GetBytes(type + payload, box.AsSpan(4));
        return box;
    }
}
