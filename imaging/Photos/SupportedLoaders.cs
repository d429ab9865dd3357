namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// The libvips loaders uploads may reach. libvips would otherwise also parse SVG, its own raw formats, and plain text as a matrix.
/// </summary>
internal static class SupportedLoaders
{
    // vips_foreign_find_load answers with class names such as "VipsForeignLoadJpegFile".
    private static readonly string[] ClassPrefixes =
    [
        "VipsForeignLoadJpeg",
        "VipsForeignLoadUhdr",
        "VipsForeignLoadPng",
        "VipsForeignLoadNsgif",
        "VipsForeignLoadWebp",
        "VipsForeignLoadTiff",
        "VipsForeignLoadHeif",
    ];

    public static bool Contains(string? loaderClass) =>
        loaderClass is not null && ClassPrefixes.Any(prefix => loaderClass.StartsWith(prefix, StringComparison.Ordinal));
}
