namespace GalleryOrleans.Abstractions.Storage;

public static class ObjectChunks
{
    public const int Size = 1024 * 1024;
}
