using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.Http.Streams;

namespace GalleryOrleans.Tests.S3;

/// <summary>The gateway opens only files of the one shape a grain names, inside its own storage root.</summary>
public sealed class PublishedFilesTests : IDisposable
{
    private const string Location = "buckets/photos/ab/abcdef0123456789abcdef0123456789";
    private readonly string root = Path.Combine(Path.GetTempPath(), "published-files-" + Guid.NewGuid().ToString("N")[..8]);

    public PublishedFilesTests()
    {
        var file = Path.Combine(root, Location);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "bytes");
        File.WriteAllText(Path.Combine(root, "secret"), "not an object");
    }

    [Theory]
    [InlineData("buckets/photos/ab/../../../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("buckets/photos/ab/abcdef0123456789abcdef0123456789/../../../../secret")]
    [InlineData("buckets/photos/ab/abcdef0123456789abcdef0123456789\n")]
    [InlineData("secret")]
    public void A_location_of_another_shape_is_refused(string location)
    {
        var files = new PublishedFiles(root);

        Assert.Throws<InvalidOperationException>(() => files.TryOpen(new ObjectLocation(location)));
    }

    [Fact]
    public void A_published_file_opens_and_a_vanished_one_is_null()
    {
        var files = new PublishedFiles(root + "/");

        using var file = files.TryOpen(new ObjectLocation(Location));

        Assert.NotNull(file);
        Assert.Null(files.TryOpen(new ObjectLocation("buckets/photos/cd/cdef0123456789abcdef0123456789ab")));
    }

    [Fact]
    public void Without_a_root_the_gateway_does_not_read_files()
    {
        Assert.False(new PublishedFiles(null).Enabled);
        Assert.True(new PublishedFiles(root).Enabled);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
