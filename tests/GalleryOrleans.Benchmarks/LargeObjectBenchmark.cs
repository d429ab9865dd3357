using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

internal sealed record UploadMeasurement(string Label, Throughput Speed, MemoryUse GatewayMemory);

internal sealed record DownloadMeasurement(string Label, Throughput Speed);

internal sealed record LargeObjectResults(
    long Size, Throughput DdWrite, Throughput CatRead, IReadOnlyList<UploadMeasurement> Uploads, IReadOnlyList<DownloadMeasurement> Downloads, bool ColdReads);

/// <summary>
/// One large object through the S3 port with the AWS SDK and with curl, against dd and cat on the storage root's
/// filesystem; the gateway's memory is sampled during each upload.
/// </summary>
internal sealed class LargeObjectBenchmark(AmazonS3Client s3, string bucket, string scratch, ProcessMemory gatewayMemory, CpuMeter cpu)
{
    private readonly PresignedCurl curl = new(s3, bucket);

    private const long Mebibyte = 1 << 20;
    private const long SmallSize = 64 * Mebibyte;
    private const long LargeSize = 256 * Mebibyte;

    public async Task<LargeObjectResults> RunAsync(CancellationToken cancellationToken)
    {
        var smallFile = Path.Combine(scratch, "random-64MiB");
        var largeFile = Path.Combine(scratch, "random-256MiB");
        var ddCopy = Path.Combine(scratch, "dd-copy-256MiB");
        Console.WriteLine("  writing the random source files ...");
        var smallMd5 = await RandomFile.CreateAsync(smallFile, SmallSize, cancellationToken);
        var largeMd5 = await RandomFile.CreateAsync(largeFile, LargeSize, cancellationToken);

        await WarmUpAsync(smallFile, smallMd5, cancellationToken);

        await PrepareWriteAsync(largeFile, cancellationToken);
        var ddWrite = new Throughput(LargeSize,
            await ExternalCommand.TimeAsync("dd", [$"if={largeFile}", $"of={ddCopy}", "bs=1M", "conv=fsync"], cancellationToken));
        Console.WriteLine($"  dd write: {ddWrite}");

        var uploads = new List<UploadMeasurement>
        {
            await UploadAsync("64 MiB, SDK default (aws-chunked, CRC32 trailer)", smallFile,
                () => PutAsync(smallFile, smallMd5, KeyOf(smallFile, "chunked"), chunked: true, cancellationToken), cancellationToken),
            await UploadAsync("256 MiB, SDK default (aws-chunked, CRC32 trailer)", largeFile,
                () => PutAsync(largeFile, largeMd5, KeyOf(largeFile, "chunked"), chunked: true, cancellationToken), cancellationToken),
            await UploadAsync("256 MiB, UseChunkEncoding=false (signed payload)", largeFile,
                () => PutAsync(largeFile, largeMd5, KeyOf(largeFile, "unchunked"), chunked: false, cancellationToken), cancellationToken),
            await UploadAsync("256 MiB, curl -T to a presigned URL", largeFile,
                () => curl.PutAsync(largeFile, KeyOf(largeFile, "curl"), largeMd5, cancellationToken), cancellationToken),
        };

        var cold = await PageCache.TryDropAsync(cancellationToken);
        var catRead = new Throughput(LargeSize,
            await ExternalCommand.TimeAsync("sh", ["-c", "cat \"$1\" > /dev/null", "sh", ddCopy], cancellationToken));
        Console.WriteLine($"  cat read: {catRead}");

        var key = KeyOf(largeFile, "chunked");
        var downloads = new List<DownloadMeasurement>();
        foreach (var (label, download) in new (string, Func<Task<Throughput>>)[]
        {
            ("SDK GetObject", () => DownloadAsync(key, LargeSize, cancellationToken)),
            ("curl, presigned URL", () => curl.GetAsync(key, LargeSize, cancellationToken)),
        })
        {
            cold &= await PageCache.TryDropAsync(cancellationToken);
            var speed = await cpu.MeasureAsync($"download 256 MiB, {label}", download);
            Console.WriteLine($"  download {label}: {speed}");
            downloads.Add(new DownloadMeasurement(label, speed));
        }
        return new LargeObjectResults(LargeSize, ddWrite, catRead, uploads, downloads, cold);
    }

    /// <summary>
    /// The processes were just started, so their hot paths are still being compiled by the tiered JIT; a few unmeasured
    /// round trips first make the figures those of a running server.
    /// </summary>
    private async Task WarmUpAsync(string file, string md5, CancellationToken cancellationToken)
    {
        Console.WriteLine("  warming up (3 unmeasured uploads and downloads of 64 MiB) ...");
        for (var round = 0; round < 3; round++)
        {
            await PutAsync(file, md5, $"warm-up/{round}", chunked: round % 2 == 0, cancellationToken);
            await DownloadAsync($"warm-up/{round}", SmallSize, cancellationToken);
        }
    }

    /// <summary>The source is read from memory and nothing from before is still being written back.</summary>
    private static async Task PrepareWriteAsync(string source, CancellationToken cancellationToken)
    {
        await PageCache.WarmAsync(source, cancellationToken);
        await PageCache.FlushAsync(cancellationToken);
    }

    private async Task<UploadMeasurement> UploadAsync(string label, string file, Func<Task<TimeSpan>> put, CancellationToken cancellationToken)
    {
        await PrepareWriteAsync(file, cancellationToken);
        var (elapsed, memory) = await MemorySampler.DuringAsync(gatewayMemory, () => cpu.MeasureAsync($"upload {label}", put));
        var upload = new UploadMeasurement(label, new Throughput(new FileInfo(file).Length, elapsed), memory);
        Console.WriteLine($"  upload {label}: {upload.Speed}");
        return upload;
    }

    private async Task<TimeSpan> PutAsync(string file, string md5, string key, bool chunked, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            FilePath = file,
            UseChunkEncoding = chunked,
        }, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.ETag.Trim('"') != md5)
        {
            throw new InvalidDataException($"PutObject {key} answered ETag {response.ETag}; the MD5 of the file is {md5}.");
        }
        return elapsed;
    }

    private async Task<Throughput> DownloadAsync(string key, long size, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        var received = await StreamSink.DrainAsync(response.ResponseStream, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (received != size)
        {
            throw new InvalidDataException($"GetObject {key} returned {received} bytes, expected {size}.");
        }
        return new Throughput(received, elapsed);
    }

    private static string KeyOf(string file, string client) => $"large/{Path.GetFileName(file)}-{client}";
}
