namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>The shared sample photos (../shared/testdata/similar/images).</summary>
public static class SamplePhotos
{
    public static string SimilarDirectory => Path.Combine(RepositoryRoot.SharedTestData, "similar");

    public static string Directory => Path.Combine(SimilarDirectory, "images");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
