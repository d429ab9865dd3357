using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Storage;

public sealed class ObjectStorageTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly Guid owner = Guid.NewGuid();

    private string StorageRoot => Path.Combine(cluster.DataDirectory, "objects");

    [Fact]
    public async Task Bytes_round_trip_with_an_md5_etag_and_sha256()
    {
        var bucket = await NewBucketAsync();
        var data = ObjectUploads.RandomBytes(3 * ObjectChunks.Size + 12345);

        var put = await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "photos/cat.jpg", data);
        var got = await cluster.Client.GetGrain<IBucketGrain>(bucket).GetObject(owner, "photos/cat.jpg");

        Assert.True(put.Succeeded);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), got.Value!.ETag);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), got.Value.Sha256Hex);
        Assert.Equal(data.Length, got.Value.Size);
        Assert.Equal(data, await ObjectUploads.ReadAsync(cluster.Client, got.Value));
    }

    [Fact]
    public async Task A_join_takes_the_etag_it_is_given_and_the_sha256_of_all_its_bytes()
    {
        var bucket = await NewBucketAsync();
        var first = ObjectUploads.RandomBytes(2 * ObjectChunks.Size + 17);
        var second = ObjectUploads.RandomBytes(5000);
        var parts = new[]
        {
            (await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "first", first)).Value!,
            (await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "second", second)).Value!,
        };
        var writer = cluster.Client.GetGrain<IObjectWriterGrain>(Guid.NewGuid());

        await writer.BeginJoin("0123456789abcdef0123456789abcdef-2");
        foreach (var part in parts)
        {
            await writer.AppendFrom(part.Location, 0, part.Size);
        }
        var joined = (await writer.Seal(first.Length + second.Length, null, null)).Value!;
        await writer.Discard();

        Assert.Equal("0123456789abcdef0123456789abcdef-2", joined.ETag);
        Assert.Equal(first.Length + second.Length, joined.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. first, .. second])), joined.Sha256Hex);
    }

    [Fact]
    public async Task A_join_cannot_be_declared_once_bytes_are_written()
    {
        var writer = cluster.Client.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
        await writer.Append([1, 2, 3]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.BeginJoin("0123456789abcdef0123456789abcdef-1"));
        await writer.Discard();
    }

    [Theory]
    [InlineData("00000000000000000000000000000000", null, StorageFailure.BadDigest)]
    [InlineData(null, "0000000000000000000000000000000000000000000000000000000000000000", StorageFailure.ContentSha256Mismatch)]
    public async Task A_wrong_digest_is_refused_and_leaves_no_file_and_no_object(string? md5Hex, string? sha256Hex, StorageFailure expected)
    {
        var bucket = await NewBucketAsync();

        var put = await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "k", ObjectUploads.RandomBytes(1000), md5Hex, sha256Hex);
        var got = await cluster.Client.GetGrain<IBucketGrain>(bucket).GetObject(owner, "k");

        Assert.Equal(expected, put.Failure);
        Assert.Equal(StorageFailure.NoSuchKey, got.Failure);
        Assert.Empty(FilesUnder(Path.Combine(StorageRoot, "buckets", bucket)));
        Assert.Empty(FilesUnder(Path.Combine(StorageRoot, ".tmp")));
    }

    [Theory]
    [InlineData("../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../../b")]
    [InlineData("..\\..\\windows")]
    [InlineData("dir/./x")]
    public async Task Keys_never_become_paths(string key)
    {
        var bucket = await NewBucketAsync();
        var data = ObjectUploads.RandomBytes(100);

        var put = await ObjectUploads.PutAsync(cluster.Client, owner, bucket, key, data);
        var got = await cluster.Client.GetGrain<IBucketGrain>(bucket).GetObject(owner, key);

        Assert.True(put.Succeeded);
        Assert.Equal(data, await ObjectUploads.ReadAsync(cluster.Client, got.Value!));
        var bucketDirectory = Path.GetFullPath(Path.Combine(StorageRoot, "buckets", bucket));
        var file = Assert.Single(FilesUnder(StorageRoot), f => !f.Contains("/.tmp/") && File.ReadAllBytes(f).SequenceEqual(data));
        Assert.StartsWith(bucketDirectory + Path.DirectorySeparatorChar, Path.GetFullPath(file));
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(file));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nul\0byte")]
    public async Task Invalid_keys_are_refused_and_leave_nothing(string key)
    {
        var bucket = await NewBucketAsync();

        var put = await ObjectUploads.PutAsync(cluster.Client, owner, bucket, key, ObjectUploads.RandomBytes(10));

        Assert.Equal(StorageFailure.InvalidArgument, put.Failure);
        Assert.Empty(FilesUnder(Path.Combine(StorageRoot, "buckets", bucket)));
    }

    [Fact]
    public async Task Overwriting_a_key_replaces_the_bytes_and_deletes_the_old_file()
    {
        var bucket = await NewBucketAsync();
        await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "same", ObjectUploads.RandomBytes(5000));
        var second = ObjectUploads.RandomBytes(7000);

        await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "same", second);
        var info = await cluster.Client.GetGrain<IBucketGrain>(bucket).Get(owner);
        var got = await cluster.Client.GetGrain<IBucketGrain>(bucket).GetObject(owner, "same");

        Assert.Equal(1, info.Value!.ObjectCount);
        Assert.Equal(7000, info.Value.SizeBytes);
        Assert.Equal(second, await ObjectUploads.ReadAsync(cluster.Client, got.Value!));
        Assert.Single(FilesUnder(Path.Combine(StorageRoot, "buckets", bucket)));
    }

    [Fact]
    public async Task Deleting_an_object_removes_its_bytes_and_updates_the_counts()
    {
        var bucket = await NewBucketAsync();
        await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "gone", ObjectUploads.RandomBytes(100));
        var grain = cluster.Client.GetGrain<IBucketGrain>(bucket);

        var deleted = await grain.DeleteObject(owner, "gone");
        var deletedAgain = await grain.DeleteObject(owner, "gone");

        Assert.Equal(StorageFailure.None, deleted);
        Assert.Equal(StorageFailure.None, deletedAgain);
        Assert.Equal(StorageFailure.NoSuchKey, (await grain.GetObject(owner, "gone")).Failure);
        Assert.Equal(0, (await grain.Get(owner)).Value!.ObjectCount);
        Assert.Empty(FilesUnder(Path.Combine(StorageRoot, "buckets", bucket)));
    }

    [Fact]
    public async Task Another_user_gets_access_denied_on_every_operation()
    {
        var bucket = await NewBucketAsync();
        await ObjectUploads.PutAsync(cluster.Client, owner, bucket, "mine", ObjectUploads.RandomBytes(10));
        var stranger = Guid.NewGuid();
        var grain = cluster.Client.GetGrain<IBucketGrain>(bucket);

        Assert.Equal(StorageFailure.AccessDenied, (await grain.Get(stranger)).Failure);
        Assert.Equal(StorageFailure.AccessDenied, (await grain.GetObject(stranger, "mine")).Failure);
        Assert.Equal(StorageFailure.AccessDenied, await grain.DeleteObject(stranger, "mine"));
        Assert.Equal(StorageFailure.AccessDenied, await grain.Delete(stranger));
        Assert.Equal(StorageFailure.AccessDenied, (await grain.List(stranger, new ListObjectsRequest("", null, null, 10))).Failure);
        Assert.Equal(StorageFailure.AccessDenied, (await ObjectUploads.PutAsync(cluster.Client, stranger, bucket, "theirs", [1])).Failure);
        Assert.Equal(StorageFailure.BucketAlreadyExists, (await grain.Create(stranger)).Failure);
        Assert.Equal(StorageFailure.BucketAlreadyOwnedByYou, (await grain.Create(owner)).Failure);
        Assert.True((await grain.GetObject(owner, "mine")).Succeeded);
    }

    [Fact]
    public async Task Concurrent_uploads_to_one_bucket_all_land()
    {
        var bucket = await NewBucketAsync();
        var payloads = Enumerable.Range(0, 12).Select(i => (Key: $"parallel/{i}", Data: ObjectUploads.RandomBytes(200_000 + i))).ToList();

        var results = await Task.WhenAll(payloads.Select(p => ObjectUploads.PutAsync(cluster.Client, owner, bucket, p.Key, p.Data)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        foreach (var (key, data) in payloads)
        {
            var got = await cluster.Client.GetGrain<IBucketGrain>(bucket).GetObject(owner, key);
            Assert.Equal(data, await ObjectUploads.ReadAsync(cluster.Client, got.Value!));
        }
    }

    private async Task<string> NewBucketAsync()
    {
        var name = "b-" + Guid.NewGuid().ToString("N")[..20];
        Assert.True((await cluster.Client.GetGrain<IBucketGrain>(name).Create(owner)).Succeeded);
        return name;
    }

    private static IEnumerable<string> FilesUnder(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];
}
