using System.Security.Cryptography;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>`aws s3 sync` both ways through the gateway: what comes back is byte-identical.</summary>
public sealed class AwsCliSyncTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
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
}
