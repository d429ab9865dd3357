namespace GalleryOrleans.Tests.Imaging;

/// <summary>A private temporary directory removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("imaging-tests-");

    public string File(string name) => Path.Combine(directory.FullName, name);

    public void Dispose() => directory.Delete(recursive: true);
}
