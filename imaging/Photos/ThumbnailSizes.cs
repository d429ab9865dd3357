namespace GalleryOrleans.Imaging.Photos;

/// <summary>Longest-side sizes of the thumbnails, also the keys of <see cref="ImageInspection.Thumbnails"/>.</summary>
public static class ThumbnailSizes
{
    public const int Small = 256;
    public const int Large = 1024;
}
