namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// A cluster whose storage root is a small tmpfs, so writes run out of space partway through an object.
/// Mounting needs root, which CI and the local test script have.
/// </summary>
public sealed class FullDiskCluster : GalleryCluster
{
    public const int DiskMiB = 12;

    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), "galleryorleans-full-" + Guid.NewGuid().ToString("N")[..8]);

    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(StorageRoot);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={DiskMiB}m", "tmpfs", StorageRoot);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await RunAsync("umount", StorageRoot);
        Directory.Delete(StorageRoot);
    }

    protected override IDictionary<string, string?> CommonSettings() => new Dictionary<string, string?>(base.CommonSettings())
    {
        ["Storage:Root"] = StorageRoot,
    };

    private static async Task RunAsync(string program, params string[] arguments)
    {
        try
        {
            await ExternalCommand.RunAsync(program, arguments);
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException($"{error.Message} (these tests mount a small tmpfs and need root)", error);
        }
    }
}
