using GalleryOrleans.Tests.Imaging;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>Sample photos re-encoded with an EXIF DateTimeOriginal, so they land on a known day of the timeline.</summary>
internal static class DatedPhotos
{
    /// <param name="taken">As EXIF writes it: "2019:05:01 10:00:00".</param>
    /// <param name="more">Other EXIF fields as libvips names them, such as ("exif-ifd0-Make", "Canon").</param>
    public static byte[] Bytes(string sample, string taken, params (string Field, string Value)[] more)
    {
        using var photo = TestImages.LoadPhoto(sample);
        using var dated = TestImages.WithExif(photo, 1, [("exif-ifd2-DateTimeOriginal", taken), .. more]);
        return dated.JpegsaveBuffer();
    }

    /// <summary>A small plain JPEG of the given grey (so every one is different) taken at <paramref name="taken"/>.</summary>
    public static byte[] Tiny(int shade, string taken)
    {
        using var black = NetVips.Image.Black(48, 32, bands: 3);
        using var grey = (black + (shade % 256)).Cast(NetVips.Enums.BandFormat.Uchar);
        using var dated = TestImages.WithExif(grey, 1, ("exif-ifd2-DateTimeOriginal", taken));
        return dated.JpegsaveBuffer();
    }

    /// <summary>Writes the dated photo as <paramref name="name"/> into <paramref name="folder"/>; returns its path.</summary>
    public static string Write(string folder, string name, string sample, string taken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Bytes(sample, taken));
        return path;
    }
}
