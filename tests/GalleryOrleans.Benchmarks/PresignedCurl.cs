using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// Transfers through presigned URLs with curl: a client that spends almost no CPU of its own, so on this 2-core
/// machine the figures show what the gallery itself can move (the AWS SDK hashes and signs on the same cores).
/// Times include starting curl.
/// </summary>
internal sealed class PresignedCurl(AmazonS3Client s3, string bucket)
{
    public async Task<TimeSpan> PutAsync(string file, string key, string md5, CancellationToken cancellationToken)
    {
        var url = await UrlAsync(key, HttpVerb.PUT);
        var started = Stopwatch.GetTimestamp();
        var headers = await ExternalCommand.RunAsync("curl", ["-sS", "--fail", "-o", "/dev/null", "-D", "-", "-T", file, url], cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var etag = headers.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("ETag:", StringComparison.OrdinalIgnoreCase));
        if (etag is null || !etag.Contains(md5, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"curl PUT {key} answered '{etag}'; the MD5 of the file is {md5}.");
        }
        return elapsed;
    }

    public async Task<Throughput> GetAsync(string key, long size, CancellationToken cancellationToken) =>
        await GetUrlAsync(await UrlAsync(key, HttpVerb.GET), size, cancellationToken);

    /// <summary>A GET of any URL with curl, such as a peer's plain file endpoint.</summary>
    public static async Task<Throughput> GetUrlAsync(string url, long size, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var received = await ExternalCommand.RunAsync("curl", ["-sS", "--fail", "-o", "/dev/null", "-w", "%{size_download}", url], cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (received.Trim() != size.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"curl GET {url} received {received} bytes, expected {size}.");
        }
        return new Throughput(size, elapsed);
    }

    private Task<string> UrlAsync(string key, HttpVerb verb) => s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
    {
        BucketName = bucket,
        Key = key,
        Verb = verb,
        Expires = DateTime.UtcNow.AddMinutes(10),
        Protocol = Protocol.HTTP,
    });
}
