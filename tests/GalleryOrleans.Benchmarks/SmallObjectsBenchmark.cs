using System.Diagnostics;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

internal sealed record SmallObjectResults(
    int Count, int Size, int Concurrency, TimeSpan Upload, TimeSpan Download, TimeSpan ReferenceWrite, TimeSpan ReferenceRead, bool ColdReads);

/// <summary>
/// Many small objects through the S3 port, against writing the same files with an fsync each and reading
/// them back, with the same concurrency, on the storage root's filesystem.
/// </summary>
internal sealed class SmallObjectsBenchmark(AmazonS3Client s3, string bucket, string scratch, CpuMeter cpu)
{
    private const int Count = 1000;
    private const int Size = 64 * 1024;
    private const int Concurrency = 16;
    private const string WarmUpPrefix = "small-warm-up";
    private const string MeasuredPrefix = "small";

    public async Task<SmallObjectResults> RunAsync(CancellationToken cancellationToken)
    {
        var payloads = Enumerable.Range(0, Count).Select(_ => RandomNumberGenerator.GetBytes(Size)).ToArray();
        var etags = payloads.Select(payload => Convert.ToHexStringLower(MD5.HashData(payload))).ToArray();
        var referenceFolder = Directory.CreateDirectory(Path.Combine(scratch, "small-files")).FullName;
        string ReferencePath(int index) => Path.Combine(referenceFolder, index.ToString("D4"));

        // Like the large-object section: the first thousand requests of this shape mostly measure the tiered JIT.
        Console.WriteLine("  warming up (the same uploads and downloads once, unmeasured) ...");
        await UploadAllAsync(payloads, etags, WarmUpPrefix, cancellationToken);
        await DownloadAllAsync(WarmUpPrefix, cancellationToken);

        await PageCache.FlushAsync(cancellationToken);
        var referenceWrite = Time(() => Parallel.For(0, Count, Options(cancellationToken), index =>
        {
            using var file = new FileStream(ReferencePath(index), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            file.Write(payloads[index]);
            file.Flush(flushToDisk: true);
        }));
        Console.WriteLine($"  reference write: {referenceWrite.TotalSeconds:F2} s");

        await PageCache.FlushAsync(cancellationToken);
        var upload = await cpu.MeasureAsync("small uploads", () => TimeAsync(() => UploadAllAsync(payloads, etags, MeasuredPrefix, cancellationToken)));
        Console.WriteLine($"  upload: {upload.TotalSeconds:F2} s");

        var cold = await PageCache.TryDropAsync(cancellationToken);
        var referenceRead = Time(() => Parallel.For(0, Count, Options(cancellationToken), index =>
        {
            if (File.ReadAllBytes(ReferencePath(index)).Length != Size)
            {
                throw new InvalidDataException($"{ReferencePath(index)} is not {Size} bytes long.");
            }
        }));
        Console.WriteLine($"  reference read: {referenceRead.TotalSeconds:F2} s");

        cold &= await PageCache.TryDropAsync(cancellationToken);
        var download = await cpu.MeasureAsync("small downloads", () => TimeAsync(() => DownloadAllAsync(MeasuredPrefix, cancellationToken)));
        Console.WriteLine($"  download: {download.TotalSeconds:F2} s");
        return new SmallObjectResults(Count, Size, Concurrency, upload, download, referenceWrite, referenceRead, cold);
    }

    /// <summary>PutObject with the SDK's defaults (aws-chunked with a CRC32 trailer); checks each ETag.</summary>
    private Task UploadAllAsync(byte[][] payloads, string[] etags, string prefix, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, Count), Options(cancellationToken), async (index, token) =>
        {
            using var body = new MemoryStream(payloads[index], writable: false);
            var response = await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = KeyOf(prefix, index), InputStream = body }, token);
            if (response.ETag.Trim('"') != etags[index])
            {
                throw new InvalidDataException($"PutObject {KeyOf(prefix, index)} answered ETag {response.ETag}, expected {etags[index]}.");
            }
        });

    private Task DownloadAllAsync(string prefix, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, Count), Options(cancellationToken), async (index, token) =>
        {
            using var response = await s3.GetObjectAsync(bucket, KeyOf(prefix, index), token);
            var received = await StreamSink.DrainAsync(response.ResponseStream, token);
            if (received != Size)
            {
                throw new InvalidDataException($"GetObject {KeyOf(prefix, index)} returned {received} bytes, expected {Size}.");
            }
        });

    private static string KeyOf(string prefix, int index) => $"{prefix}/{index:D4}";

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };

    private static TimeSpan Time(Action work)
    {
        var started = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started);
    }
}
