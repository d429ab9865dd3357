using System.Diagnostics;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// One large object through the S3 port with the AWS SDK and with curl, against dd and cat on the storage root's
/// filesystem; the gateway's memory is sampled during each upload. The machine's disk speed swings from minute to
/// minute, so this runs in rounds, and each round measures its references right before its own uploads and downloads.
/// </summary>
internal sealed class LargeObjectBenchmark(AmazonS3Client s3, string bucket, string scratch, ProcessMemory gatewayMemory, CpuMeter cpu)
{
    private readonly PresignedCurl curl = new(s3, bucket);

    private const long Mebibyte = 1 << 20;
    private const long SmallSize = 64 * Mebibyte;
    private const long LargeSize = 256 * Mebibyte;
    private const int Rounds = 3;

    /// <summary>One kind of upload and its figures so far; each round puts to its own key.</summary>
    private sealed class Upload(string label, string file, string client, Func<string, Task<TimeSpan>> put)
    {
        private readonly List<(RoundFigure Figure, MemoryUse Memory)> rounds = [];

        public string Label => label;
        public string Source => file;
        public Func<string, Task<TimeSpan>> Put => put;

        public string Key(int round) => KeyOf(file, client, round);

        public void Add(RoundFigure figure, MemoryUse memory) => rounds.Add((figure, memory));

        public UploadMeasurement Result() => new(label, new FileInfo(file).Length, [.. rounds.Select(round => round.Figure)],
            rounds.MaxBy(round => round.Memory.Growth).Memory);
    }

    /// <summary>One kind of download of the round's 256 MiB object and its figures so far.</summary>
    private sealed class Download(string label, Func<string, Task<Throughput>> get)
    {
        private readonly List<RoundFigure> rounds = [];

        public string Label => label;
        public Func<string, Task<Throughput>> Get => get;

        public void Add(RoundFigure figure) => rounds.Add(figure);

        public TransferMeasurement Result() => new(label, LargeSize, [.. rounds]);
    }

    public async Task<LargeObjectResults> RunAsync(CancellationToken cancellationToken)
    {
        var smallFile = Path.Combine(scratch, "random-64MiB");
        var largeFile = Path.Combine(scratch, "random-256MiB");
        var ddCopy = Path.Combine(scratch, "dd-copy-256MiB");
        Console.WriteLine("  writing the random source files ...");
        var smallMd5 = await RandomFile.CreateAsync(smallFile, SmallSize, cancellationToken);
        var largeMd5 = await RandomFile.CreateAsync(largeFile, LargeSize, cancellationToken);

        await WarmUpAsync(smallFile, smallMd5, cancellationToken);

        Upload[] uploads =
        [
            new("64 MiB, SDK default (aws-chunked, CRC32 trailer)", smallFile, "chunked",
                key => PutAsync(smallFile, smallMd5, key, chunked: true, cancellationToken)),
            new("256 MiB, SDK default (aws-chunked, CRC32 trailer)", largeFile, "chunked",
                key => PutAsync(largeFile, largeMd5, key, chunked: true, cancellationToken)),
            new("256 MiB, UseChunkEncoding=false (signed payload)", largeFile, "unchunked",
                key => PutAsync(largeFile, largeMd5, key, chunked: false, cancellationToken)),
            new("256 MiB, curl -T to a presigned URL", largeFile, "curl",
                key => curl.PutAsync(largeFile, key, largeMd5, cancellationToken)),
        ];
        Download[] downloads =
        [
            new("SDK GetObject", key => DownloadAsync(key, LargeSize, asRange: false, cancellationToken)),
            new("SDK GetObject, ByteRange(0, size - 1)", key => DownloadAsync(key, LargeSize, asRange: true, cancellationToken)),
            new("curl, presigned URL", key => curl.GetAsync(key, LargeSize, cancellationToken)),
        ];

        var cold = true;
        var copies = new List<RoundFigure>();
        for (var round = 1; round <= Rounds; round++)
        {
            cold &= await RunRoundAsync(round, largeFile, ddCopy, uploads, downloads, cancellationToken);
            copies.Add(await CopyRoundAsync(round, ddCopy, KeyOf(largeFile, "chunked", round), cancellationToken));
        }
        return new LargeObjectResults(LargeSize, Rounds, [.. uploads.Select(upload => upload.Result())],
            [.. downloads.Select(download => download.Result())], new TransferMeasurement("CopyObject", LargeSize, copies), cold);
    }

    /// <summary>dd, then every upload; cat, then every download of this round's 256 MiB object. False when reads were not cold.</summary>
    private async Task<bool> RunRoundAsync(
        int round, string largeFile, string ddCopy, Upload[] uploads, Download[] downloads, CancellationToken cancellationToken)
    {
        var name = $"round {round}/{Rounds}";
        Console.WriteLine($"  {name}");

        await PageCache.PrepareWriteAsync(largeFile, cancellationToken);
        var ddWrite = new Throughput(LargeSize,
            await ExternalCommand.TimeAsync("dd", [$"if={largeFile}", $"of={ddCopy}", "bs=1M", "conv=fsync"], cancellationToken));
        Console.WriteLine($"    dd write: {ddWrite}");
        foreach (var upload in uploads)
        {
            await PageCache.PrepareWriteAsync(upload.Source, cancellationToken);
            var (elapsed, memory) = await MemorySampler.DuringAsync(gatewayMemory,
                () => cpu.MeasureAsync($"{name}: upload {upload.Label}", () => upload.Put(upload.Key(round))));
            var speed = new Throughput(new FileInfo(upload.Source).Length, elapsed);
            Console.WriteLine($"    upload {upload.Label}: {speed}");
            upload.Add(new RoundFigure(speed, ddWrite), memory);
        }

        var cold = await PageCache.TryDropAsync(cancellationToken);
        var catRead = new Throughput(LargeSize,
            await ExternalCommand.TimeAsync("sh", ["-c", "cat \"$1\" > /dev/null", "sh", ddCopy], cancellationToken));
        Console.WriteLine($"    cat read: {catRead}");
        var key = KeyOf(largeFile, "chunked", round);
        foreach (var download in downloads)
        {
            cold &= await PageCache.TryDropAsync(cancellationToken);
            var speed = await cpu.MeasureAsync($"{name}: download 256 MiB, {download.Label}", () => download.Get(key));
            Console.WriteLine($"    download {download.Label}: {speed}");
            download.Add(new RoundFigure(speed, catRead));
        }
        return cold;
    }

    /// <summary>The round's object copied inside the store with CopyObject, against a copy of the same bytes with dd.</summary>
    private async Task<RoundFigure> CopyRoundAsync(int round, string ddCopy, string key, CancellationToken cancellationToken)
    {
        var ddSecondCopy = new Throughput(LargeSize,
            await ExternalCommand.TimeAsync("dd", [$"if={ddCopy}", $"of={ddCopy}-copy", "bs=1M", "conv=fsync"], cancellationToken));
        Console.WriteLine($"    dd copy: {ddSecondCopy}");
        var copy = await cpu.MeasureAsync($"round {round}/{Rounds}: CopyObject 256 MiB", async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await s3.CopyObjectAsync(bucket, key, bucket, key + "-copy", cancellationToken);
            return new Throughput(LargeSize, Stopwatch.GetElapsedTime(started));
        });
        Console.WriteLine($"    CopyObject: {copy}");
        return new RoundFigure(copy, ddSecondCopy);
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
            await DownloadAsync($"warm-up/{round}", SmallSize, asRange: false, cancellationToken);
        }
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

    /// <param name="asRange">
    /// Asks for the whole object as the range 0..size-1. For a whole-object GetObject the SDK checks the body against the
    /// ETag with its own managed MD5 (ThirdParty.MD5), which a profile showed to be the SDK download's largest CPU user on
    /// this machine; it skips that check for ranged requests, so this row shows the SDK's transfer without it.
    /// </param>
    private async Task<Throughput> DownloadAsync(string key, long size, bool asRange, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key };
        if (asRange)
        {
            request.ByteRange = new ByteRange(0, size - 1);
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await s3.GetObjectAsync(request, cancellationToken);
        var received = await StreamSink.DrainAsync(response.ResponseStream, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var expectedStatus = asRange ? HttpStatusCode.PartialContent : HttpStatusCode.OK;
        if (received != size || response.HttpStatusCode != expectedStatus)
        {
            throw new InvalidDataException(
                $"GetObject {key} returned {received} bytes with status {response.HttpStatusCode}, expected {size} with {expectedStatus}.");
        }
        return new Throughput(received, elapsed);
    }

    private static string KeyOf(string file, string client, int round) => $"large/round-{round}/{Path.GetFileName(file)}-{client}";
}
