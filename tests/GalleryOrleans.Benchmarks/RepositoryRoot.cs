namespace GalleryOrleans.Benchmarks;

/// <summary>The repository this program was built from: the nearest folder above it holding GalleryOrleans.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GalleryOrleans.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No GalleryOrleans.sln above {AppContext.BaseDirectory}.");
    }
}
