namespace GalleryOrleans.TestKit;

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string SharedTestData => System.IO.Path.Combine(Path, "..", "shared", "testdata");

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "GalleryOrleans.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("GalleryOrleans.sln not found above the test binaries.");
    }
}
