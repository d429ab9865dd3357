using System.Security.Cryptography;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GalleryOrleans.Tests.S3;

/// <summary>The aws CLI (botocore) against <see cref="FakeS3Server"/>, over HTTP and HTTPS.</summary>
public sealed class AwsCliTests(FakeS3ServerFixture fixture, ITestOutputHelper output) : IClassFixture<FakeS3ServerFixture>
{
    private const string Bucket = "cli-bucket";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Put_get_list_and_presign_through_the_aws_cli(bool https)
    {
        var server = https ? fixture.Https : fixture.Http;
        var key = $"cli dir {https}/ünï +x=y&z.bin";
        var data = RandomNumberGenerator.GetBytes(200_000);
        var upload = Path.GetTempFileName();
        var download = Path.GetTempFileName();
        var sigV4Config = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(upload, data);
            await File.WriteAllTextAsync(sigV4Config, "[default]\ns3 =\n    signature_version = s3v4\n");
            var before = server.Seen.Count;

            Assert.NotNull(await RunAsync(https, ["s3api", "put-object", "--bucket", Bucket, "--key", key, "--body", upload]));
            Assert.NotNull(await RunAsync(https, ["s3api", "get-object", "--bucket", Bucket, "--key", key, download]));
            Assert.NotNull(await RunAsync(https, ["s3", "cp", upload, $"s3://{Bucket}/cli dir {https}/copied +.bin"]));
            var listing = await RunAsync(https, ["s3api", "list-objects-v2", "--bucket", Bucket, "--prefix", $"cli dir {https}/ünï +"]);
            // aws CLI v1 presigns with Signature Version 2 unless configured for s3v4; v2 is refused, as S3 does in newer regions.
            var presignedV2 = await RunAsync(https, ["s3", "presign", $"s3://{Bucket}/{key}"]);
            var presigned = await RunAsync(https, ["s3", "presign", $"s3://{Bucket}/{key}"], sigV4Config);
            using var http = new HttpClient(LoopbackCertificate.TrustingHandler());
            var refused = await http.GetAsync(presignedV2!.Trim());
            var read = await http.GetByteArrayAsync(presigned!.Trim());

            var requests = server.SeenSince(before);
            foreach (var request in requests)
            {
                output.WriteLine($"{request.Method} {request.RawTarget} -> {request.ErrorCode ?? "verified"} ({request.PayloadMode}) "
                    + string.Join(" ", request.Headers.Where(h => h.Key.StartsWith("x-amz-", StringComparison.Ordinal) || h.Key is "content-encoding")
                        .Select(h => $"{h.Key}={h.Value}")));
            }

            Assert.Equal(data, await File.ReadAllBytesAsync(download));
            var keys = JsonDocument.Parse(listing!).RootElement.GetProperty("Contents").EnumerateArray().Select(entry => entry.GetProperty("Key").GetString());
            Assert.Equal([key], keys);

            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(data, read);
            Assert.Equal(["InvalidRequest"], requests.Select(request => request.ErrorCode).OfType<string>());
            Assert.Equal(2, requests.Count(request => request.Method == "PUT" && request.Body is not null && request.Body.SequenceEqual(data)));
        }
        finally
        {
            File.Delete(upload);
            File.Delete(download);
            File.Delete(sigV4Config);
        }
    }

    /// <summary>Runs the CLI against the test server; its standard output, or null when it failed.</summary>
    private async Task<string?> RunAsync(bool https, string[] arguments, string configFile = "/nonexistent/aws-config")
    {
        var server = https ? fixture.Https : fixture.Http;
        var cli = new AwsCli(server.BaseUri, FakeS3Server.AccessKeyId, FakeS3Server.SecretKey, insecureTls: https);
        var result = await cli.RunAsync(arguments, configFile);
        if (!result.Succeeded)
        {
            output.WriteLine($"aws {string.Join(' ', arguments)} failed: {result.Output}");
        }
        return result.Succeeded ? result.Output : null;
    }
}
