namespace GalleryOrleans.Gateway.Gallery.Sniffing;

public enum MediaKind
{
    Image,
    Video,
}
