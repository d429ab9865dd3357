using System.Security.Cryptography;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>The real aws CLI through the gateway, backed by a real cluster.</summary>
public sealed class AwsCliGatewayTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task Sync_up_and_down_gives_back_identical_files()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var cli = new AwsCli(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);
        var bucket = "sync-" + Guid.NewGuid().ToString("N")[..12];
        var source = Directory.CreateTempSubdirectory("gallery-sync-up").FullName;
        var target = Directory.CreateTempSubdirectory("gallery-sync-down").FullName;
        try
        {
            var files = new Dictionary<string, byte[]>
            {
                ["a.bin"] = RandomNumberGenerator.GetBytes(1),
                ["photos/2024/beach day.jpg"] = RandomNumberGenerator.GetBytes(700_000),
                ["photos/2024/ünïcode +plus.png"] = RandomNumberGenerator.GetBytes(9_000_000),
                ["deep/er/still/empty.txt"] = [],
            };
            foreach (var (name, data) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(source, name))!);
                await File.WriteAllBytesAsync(Path.Combine(source, name), data);
            }

            var made = await cli.RunAsync(["s3", "mb", $"s3://{bucket}"]);
            var up = await cli.RunAsync(["s3", "sync", source, $"s3://{bucket}/backup"]);
            var down = await cli.RunAsync(["s3", "sync", $"s3://{bucket}/backup", target]);
            var again = await cli.RunAsync(["s3", "sync", source, $"s3://{bucket}/backup"]);

            Assert.True(made.Succeeded, made.Output);
            Assert.True(up.Succeeded, up.Output);
            Assert.True(down.Succeeded, down.Output);
            Assert.True(again.Succeeded, again.Output);
            Assert.DoesNotContain("upload:", again.Output);
            foreach (var (name, data) in files)
            {
                Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(target, name)));
            }
        }
        finally
        {
            Directory.Delete(source, recursive: true);
            Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task Keys_with_a_leading_slash_round_trip_and_list_with_their_slash()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var cli = new AwsCli(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);
        var bucket = "slash-" + Guid.NewGuid().ToString("N")[..12];
        var data = RandomNumberGenerator.GetBytes(100_000);
        var upload = Path.GetTempFileName();
        var viaGetObject = Path.GetTempFileName();
        var viaCp = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(upload, data);

            var made = await cli.RunAsync(["s3", "mb", $"s3://{bucket}"]);
            // The request path of key "/leading/slash" is /bucket//leading/slash; `aws s3` URLs take the same double slash.
            var put = await cli.RunAsync(["s3api", "put-object", "--bucket", bucket, "--key", "/leading/slash", "--body", upload]);
            var copied = await cli.RunAsync(["s3", "cp", upload, $"s3://{bucket}//copied/slash"]);
            var got = await cli.RunAsync(["s3api", "get-object", "--bucket", bucket, "--key", "/copied/slash", viaGetObject]);
            var downloaded = await cli.RunAsync(["s3", "cp", $"s3://{bucket}//leading/slash", viaCp]);
            var listing = await cli.RunAsync(["s3api", "list-objects-v2", "--bucket", bucket]);
            var rolledUp = await cli.RunAsync(["s3api", "list-objects-v2", "--bucket", bucket, "--delimiter", "/"]);

            foreach (var result in new[] { made, put, copied, got, downloaded, listing, rolledUp })
            {
                Assert.True(result.Succeeded, result.Output);
            }
            Assert.Equal(data, await File.ReadAllBytesAsync(viaGetObject));
            Assert.Equal(data, await File.ReadAllBytesAsync(viaCp));
            var keys = JsonDocument.Parse(listing.Output).RootElement.GetProperty("Contents").EnumerateArray().Select(entry => entry.GetProperty("Key").GetString());
            Assert.Equal(["/copied/slash", "/leading/slash"], keys);
            var prefixes = JsonDocument.Parse(rolledUp.Output).RootElement.GetProperty("CommonPrefixes").EnumerateArray().Select(entry => entry.GetProperty("Prefix").GetString());
            Assert.Equal(["/"], prefixes);
        }
        finally
        {
            File.Delete(upload);
            File.Delete(viaGetObject);
            File.Delete(viaCp);
        }
    }

    [Fact]
    public async Task A_large_object_copied_inside_the_store_comes_back_byte_identical()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var cli = new AwsCli(cluster.S3Endpoint, s3.AccessKeyId, s3.SecretAccessKey);
        var bucket = "copy-" + Guid.NewGuid().ToString("N")[..12];
        // Above the CLI's 8 MB multipart threshold, so it copies part by part with UploadPartCopy.
        var data = RandomNumberGenerator.GetBytes(20_000_000);
        var upload = Path.GetTempFileName();
        var download = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(upload, data);

            var made = await cli.RunAsync(["s3", "mb", $"s3://{bucket}"]);
            var put = await cli.RunAsync(["s3", "cp", upload, $"s3://{bucket}/original.bin"]);
            var copied = await cli.RunAsync(["s3", "cp", $"s3://{bucket}/original.bin", $"s3://{bucket}/copies/copy.bin"]);
            var got = await cli.RunAsync(["s3", "cp", $"s3://{bucket}/copies/copy.bin", download]);

            foreach (var result in new[] { made, put, copied, got })
            {
                Assert.True(result.Succeeded, result.Output);
            }
            Assert.Equal(data, await File.ReadAllBytesAsync(download));
        }
        finally
        {
            File.Delete(upload);
            File.Delete(download);
        }
    }
}
