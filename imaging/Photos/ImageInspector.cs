using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// Validates a stored image and extracts its dimensions, EXIF facts and thumbnails. Thread-safe; the work is
/// synchronous and CPU-bound, so callers on the Orleans scheduler should offload it.
/// </summary>
public sealed class ImageInspector(ImageLimits limits)
{
    static ImageInspector()
    {
        // Every upload is inspected once, so libvips' operation cache never hits; worse, it keys loads on the
        // file name and hands back the old image when a path is reused for new content.
        Cache.Max = 0;
    }

    /// <exception cref="UnreadableMediaException">The file is not an accepted image, too large, or damaged.</exception>
    /// <exception cref="FileNotFoundException">Nothing is stored at <paramref name="path"/>.</exception>
    public ImageInspection Inspect(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException("No stored image at this path.", path);
        if (!SupportedLoaders.Contains(Image.FindLoad(path)))
            throw NotAnImage();

        using var header = OpenHeader(path);
        limits.EnsureWithin(header.Width, header.Height);

        var orientation = Orientation(header);
        var exif = ExifMetadata.Read(header);
        var thumbnails = RenderThumbnails(path, header);
        var swapsSides = orientation >= 5;
        return new ImageInspection(
            swapsSides ? header.Height : header.Width,
            swapsSides ? header.Width : header.Height,
            orientation,
            exif.TakenAt,
            exif.CameraMake,
            exif.CameraModel,
            exif.Latitude,
            exif.Longitude,
            thumbnails,
            exif.ContentIdentifier,
            exif.Capture);
    }

    // libvips opens lazily: this reads the header and metadata only, no pixels.
    private static Image OpenHeader(string path)
    {
        try
        {
            return Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        }
        catch (VipsException e)
        {
            throw NotAnImage(e);
        }
    }

    private static IReadOnlyDictionary<int, byte[]> RenderThumbnails(string path, Image header)
    {
        try
        {
            return ThumbnailRenderer.Render(path, header.GetTypeOf("icc-profile-data") != 0);
        }
        catch (VipsException e) when (IsHevc(header))
        {
            // The header of an HEVC-coded HEIF parses fine; only decoding needs the codec, absent from some builds.
            throw new UnreadableMediaException(UnreadableMediaReason.Unsupported,
                "HEIC (HEVC) images cannot be decoded by this libvips build", e);
        }
        catch (VipsException e)
        {
            throw new UnreadableMediaException(UnreadableMediaReason.Corrupt, "truncated or corrupt", e);
        }
    }

    private static int Orientation(Image image) => image.Integer("orientation") is { } value and >= 1 and <= 8 ? value : 1;

    private static bool IsHevc(Image image) => image.Text("heif-compression") == "hevc";

    private static UnreadableMediaException NotAnImage(Exception? cause = null) =>
        new(UnreadableMediaReason.NotAnImage, "not a readable image", cause);
}
