using NetVips;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>Typed reads of libvips metadata that tolerate absent fields (Image.Get throws on those).</summary>
internal static class ImageFields
{
    // libvips stores text metadata as VipsRefString rather than a plain GLib string; Get converts both.
    public static string? Text(this Image image, string name) =>
        image.GetTypeOf(name) != 0 ? image.Get(name) as string : null;

    public static int? Integer(this Image image, string name) =>
        image.GetTypeOf(name) != 0 ? image.Get(name) as int? : null;
}
