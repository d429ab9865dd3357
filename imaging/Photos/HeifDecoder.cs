using GalleryOrleans.Imaging.MediaTools;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// Decodes HEIF photos (iPhone HEIC, HEVC-coded, which the NuGet libvips cannot decode) with libheif's own
/// programs from Debian's libheif-examples: heif-info lists the images and their sizes (checked against the
/// limits before any pixel is decoded), heif-convert writes the primary image as a JPEG that carries the file's
/// EXIF block. The rest of the image pipeline then reads that JPEG like any upload. libheif applies the HEIF
/// rotation and mirroring (irot, imir) while decoding, and those, not the EXIF tag, orient a HEIF image, so the
/// JPEG's EXIF orientation is reset to 1 lest it turn the picture a second time.
/// </summary>
public sealed class HeifDecoder(MediaToolRunner tools, ImageLimits limits)
{
    // High enough that thumbnails and fingerprints do not see the intermediate's compression.
    private const string JpegQuality = "95";

    /// <returns>The path of the upright JPEG, among <paramref name="scratch"/>'s files.</returns>
    /// <exception cref="UnreadableMediaException">Not a HEIF image libheif can decode, or too large.</exception>
    public async Task<string> DecodeAsync(string path, ScratchFiles scratch)
    {
        var info = await tools.DecodeAsync("heif-info", [path]);
        var images = info.Succeeded ? HeifInfo.Parse(info.Output) : [];
        var primary = images.Select((image, index) => (image, index)).FirstOrDefault(listed => listed.image.Primary);
        if (primary.image is null)
        {
            throw Corrupt(info.Succeeded ? "no primary image" : info.Reason);
        }
        limits.EnsureWithin(primary.image.Width, primary.image.Height);

        var output = scratch.NewPath(".jpg");
        var converted = await tools.DecodeAsync("heif-convert", ConvertArguments(path, output));
        // With several top-level images heif-convert numbers its outputs from 1, in heif-info's order.
        var written = images.Count == 1 ? output : scratch.NewPath($"-{primary.index + 1}.jpg");
        if (!converted.Succeeded || !File.Exists(written))
        {
            throw Corrupt(converted.Reason);
        }
        JpegExifOrientation.ResetToUpright(written);
        return written;
    }

    /// <summary>heif-convert's arguments, also used by the benchmark as its bare-heif-convert reference.</summary>
    public static IReadOnlyList<string> ConvertArguments(string source, string output) => ["--quiet", "-q", JpegQuality, source, output];

    private static UnreadableMediaException Corrupt(string reason) =>
        new(UnreadableMediaReason.Corrupt, $"HEIF image could not be decoded: {reason}");
}
