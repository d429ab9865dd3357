using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

internal sealed record UploadMeasurement(string Label, Throughput Speed, MemoryUse GatewayMemory);

internal sealed record LargeObjectResults(
    long Size, Throughput DdWrite, Throughput CatRead, IReadOnlyList<UploadMeasurement> Uploads, Throughput Download, bool ColdReads);

/// <summary>
/// One large object through the S3 port with the AWS SDK, against dd and cat on the storage root's
/// filesystem; the gateway's memory is sampled during each upload.
/// </summary>
internal sealed class LargeObjectBenchmark(AmazonS3Client s3, string bucket, string scratch, ProcessMemory gatewayMemory, CpuMeter cpu)
{
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

        var uploads = new List<UploadMeasurement>();
        foreach (var (label, file, md5, chunked) in new[]
        {
            ("64 MiB, SDK default (aws-chunked, CRC32 trailer)", smallFile, smallMd5, true),
            ("256 MiB, SDK default (aws-chunked, CRC32 trailer)", largeFile, largeMd5, true),
            ("256 MiB, UseChunkEncoding=false (signed payload)", largeFile, largeMd5, false),
        })
        {
            var upload = await UploadAsync(label, file, md5, chunked, cancellationToken);
            Console.WriteLine($"  upload {label}: {upload.Speed}");
            uploads.Add(upload);
        }

        var cold = await PageCache.TryDropAsync(cancellationToken);
        var catRead = new Throughput(LargeSize,
            await ExternalCommand.TimeAsync("sh", ["-c", "cat \"$1\" > /dev/null", "sh", ddCopy], cancellationToken));
        Console.WriteLine($"  cat read: {catRead}");

        cold &= await PageCache.TryDropAsync(cancellationToken);
        var download = await cpu.MeasureAsync("large download 256 MiB",
            () => DownloadAsync(KeyOf(largeFile, chunked: true), LargeSize, cancellationToken));
        Console.WriteLine($"  download: {download}");
        return new LargeObjectResults(LargeSize, ddWrite, catRead, uploads, download, cold);
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

    private async Task<UploadMeasurement> UploadAsync(string label, string file, string md5, bool chunked, CancellationToken cancellationToken)
    {
        await PrepareWriteAsync(file, cancellationToken);
        var key = KeyOf(file, chunked);
        var (elapsed, memory) = await MemorySampler.DuringAsync(gatewayMemory, () => cpu.MeasureAsync($"upload {label}",
            () => PutAsync(file, md5, key, chunked, cancellationToken)));
        return new UploadMeasurement(label, new Throughput(new FileInfo(file).Length, elapsed), memory);
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

    private static string KeyOf(string file, bool chunked) => $"large/{Path.GetFileName(file)}-{(chunked ? "chunked" : "unchunked")}";
}
