namespace GalleryOrleans.TestKit;

/// <summary>Where the external programs the tests drive are: the file an environment variable names, else the first of the names on PATH.</summary>
public static class ToolPaths
{
    public static string? Find(string variable, params string[] names)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } named)
        {
            return named;
        }
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return names.SelectMany(name => directories.Select(directory => Path.Combine(directory, name))).FirstOrDefault(File.Exists);
    }
}
