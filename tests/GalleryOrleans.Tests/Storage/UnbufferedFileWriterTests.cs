using GalleryOrleans.Abstractions.Storage.Files;

namespace GalleryOrleans.Tests.Storage;

[Trait("Category", "Unit")]
public sealed class UnbufferedFileWriterTests : IDisposable
{
    private const int MiB = 1024 * 1024;
    private readonly List<string> folders = [];

    public static TheoryData<string, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int>();
        // The disk the tests run on (O_DIRECT on ext4) and a tmpfs, where O_DIRECT may be refused and writes are buffered.
        foreach (var location in new[] { "temp", "shm" })
        {
            foreach (var (size, chunk) in new[] { (0, 1), (1, 1), (4095, 4095), (4097, 1000), (MiB, MiB), (MiB + 1, MiB), (3 * MiB + 12345, 65543) })
            {
                cases.Add(location, size, chunk);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_exactly_the_bytes_given_whatever_the_sizes(string location, int size, int chunk)
    {
        var path = Path.Combine(Folder(location), "object.part");
        var data = new byte[size];
        Random.Shared.NextBytes(data);

        var writer = UnbufferedFileWriter.CreateNew(path);
        await using (writer)
        {
            for (var offset = 0; offset < size; offset += chunk)
            {
                await writer.WriteAsync(data.AsMemory(offset, Math.Min(chunk, size - offset)));
            }
            await writer.Complete();
            Assert.Equal(size, writer.Length);
        }

        Assert.Equal(data, await File.ReadAllBytesAsync(path));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_file_resumed_after_completing_goes_on_with_exactly_the_bytes_given(string location, int size, int chunk)
    {
        var path = Path.Combine(Folder(location), "handed-over.part");
        var data = new byte[size];
        Random.Shared.NextBytes(data);
        var split = size / 2 + 1;

        await using (var before = UnbufferedFileWriter.CreateNew(path))
        {
            await WriteAsync(before, data.AsMemory(0, Math.Min(split, size)), chunk);
            await before.Complete();
        }
        await using (var after = UnbufferedFileWriter.Resume(path))
        {
            await WriteAsync(after, data.AsMemory(Math.Min(split, size)), chunk);
            await after.Complete();
            Assert.Equal(size, after.Length);
        }

        Assert.Equal(data, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Refuses_to_overwrite_an_existing_file()
    {
        var path = Path.Combine(Folder("temp"), "taken.part");
        await File.WriteAllTextAsync(path, "already here");

        Assert.Throws<IOException>(() => UnbufferedFileWriter.CreateNew(path));
        Assert.Equal("already here", await File.ReadAllTextAsync(path));
    }

    public void Dispose()
    {
        foreach (var folder in folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WriteAsync(UnbufferedFileWriter writer, ReadOnlyMemory<byte> data, int chunk)
    {
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            await writer.WriteAsync(data.Slice(offset, Math.Min(chunk, data.Length - offset)));
        }
    }

    private string Folder(string location)
    {
        var parent = location == "shm" && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(parent, "gallery-writer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        folders.Add(folder);
        return folder;
    }
}
