using System.Diagnostics;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Storage;

public sealed class ObjectCopyTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private static readonly ObjectProperties Properties = new("application/octet-stream", new Dictionary<string, string>());
    private readonly Guid owner = Guid.NewGuid();

    [Fact]
    public async Task A_whole_copy_shares_the_source_file_and_keeps_its_bytes_when_the_source_is_replaced_and_deleted()
    {
        var bucket = await NewBucketAsync();
        var original = ObjectUploads.RandomBytes(2 * ObjectChunks.Size + 99);
        var source = (await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "source", original)).Value!;

        var copy = await CopyAsync(bucket, source, "copy");
        var linksWhileShared = LinkCount(PathOf(copy));
        await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "source", ObjectUploads.RandomBytes(4000));
        await Bucket(bucket).DeleteObject(owner, "source");

        Assert.Equal(2, linksWhileShared);
        Assert.Equal(1, LinkCount(PathOf(copy)));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(original)), copy.ETag);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), copy.Sha256Hex);
        Assert.Equal(original, await ObjectUploads.ReadAsync(cluster.Client, (await Bucket(bucket).GetObject(owner, "copy")).Value!));
    }

    [Fact]
    public async Task A_copy_of_a_joined_object_is_its_own_file_with_the_md5_of_its_bytes()
    {
        var bucket = await NewBucketAsync();
        var bytes = ObjectUploads.RandomBytes(ObjectChunks.Size + 5);
        var part = (await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "part", bytes)).Value!;
        var joiner = cluster.Client.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
        await joiner.BeginJoin("0123456789abcdef0123456789abcdef-1");
        await joiner.AppendFrom(part.Location, 0, part.Size);
        var joined = (await Bucket(bucket).PutObject(owner, "joined", (await joiner.Seal(part.Size, null, null)).Value!, Properties, WriteCondition.None)).Value!;

        var copy = await CopyAsync(bucket, joined, "copy");

        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), copy.ETag);
        Assert.Equal(joined.Sha256Hex, copy.Sha256Hex);
        Assert.Equal(1, LinkCount(PathOf(copy)));
        Assert.Equal(bytes, await ObjectUploads.ReadAsync(cluster.Client, copy));
    }

    private async Task<ObjectInfo> CopyAsync(string bucket, ObjectInfo source, string key)
    {
        var writer = cluster.Client.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
        var sealedCopy = (await writer.SealCopyOf(source)).Value!;
        return (await Bucket(bucket).PutObject(owner, key, sealedCopy, Properties, WriteCondition.None)).Value!;
    }

    private IBucketGrain Bucket(string name) => cluster.Client.GetGrain<IBucketGrain>(name);

    private string PathOf(ObjectInfo info) => Path.Combine(cluster.DataDirectory, "objects", info.Location.RelativePath);

    private static int LinkCount(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%h", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return int.Parse(output.Trim());
    }

    private async Task<string> NewBucketAsync()
    {
        var name = "copy-" + Guid.NewGuid().ToString("N")[..20];
        Assert.True((await Bucket(name).Create(owner)).Succeeded);
        return name;
    }
}
