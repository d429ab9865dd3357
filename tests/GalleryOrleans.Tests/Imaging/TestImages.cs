using GalleryOrleans.Tests.Infrastructure;
using NetVips;

namespace GalleryOrleans.Tests.Imaging;

/// <summary>Builds test inputs with NetVips from the shared sample photos.</summary>
internal static class TestImages
{
    /// <summary>Opens a sample photo with random access so it can be saved several times.</summary>
    public static Image LoadPhoto(string name) => Image.NewFromFile(SamplePhotos.PathOf(name));

    public static Image WithExif(Image image, int orientation, params (string Field, string Value)[] fields) =>
        image.Mutate(mutable =>
        {
            mutable.Set(GValue.GIntType, "orientation", orientation);
            foreach (var (field, value) in fields)
                mutable.Set(GValue.GStrType, field, value);
        });

    /// <summary>Saves in the format the suffix names; GIF with the fastest palette search, as the default takes seconds.</summary>
    public static void Save(Image image, string path)
    {
        if (Path.GetExtension(path) == ".gif")
            image.Gifsave(path, dither: 0, effort: 1);
        else
            image.WriteToFile(path);
    }

    public static Image Decode(byte[] encoded) => Image.NewFromBuffer(encoded);
}
