using Amazon.S3;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// The S3 speed goals in one run: a 256 MiB object put and got with curl through presigned URLs, against the machine's
/// limits (dd with fsync and openssl md5 for the PUT, bare Kestrel serving the file for the GET) and against s3rver on
/// the same disk; and many 64 KiB objects put and got by 8 SDK threads against s3rver.
/// </summary>
internal sealed class PeerBenchmark(AmazonS3Client gallery, string bucket, string scratch, string logFolder)
{
    private const long LargeSize = 256L << 20;
    private const int Rounds = 3;
    private readonly SmallObjectLoad small = new(count: 500, size: 64 * 1024, threads: 8);

    public async Task<PeerResults> RunAsync(CancellationToken cancellationToken)
    {
        var large = Path.Combine(scratch, "peer-random-256MiB");
        var ddCopy = Path.Combine(scratch, "peer-dd-copy-256MiB");
        Console.WriteLine("  writing the random source file, starting s3rver and the bare Kestrel endpoint ...");
        var md5 = await RandomFile.CreateAsync(large, LargeSize, cancellationToken);
        File.Copy(large, ddCopy);
        using var peer = await S3rverPeer.StartAsync(scratch, logFolder, cancellationToken);
        await peer.Client.PutBucketAsync(bucket, cancellationToken);
        await using var kestrel = await KestrelFileEndpoint.StartAsync(ddCopy, cancellationToken);
        var sides = new[] { (Client: gallery, Curl: new PresignedCurl(gallery, bucket)), (Client: peer.Client, Curl: new PresignedCurl(peer.Client, bucket)) };

        Console.WriteLine("  warming up (one unmeasured pass of each transfer on both servers) ...");
        foreach (var (client, curl) in sides)
        {
            await curl.PutAsync(large, "peer/warm-up", md5, cancellationToken);
            await curl.GetAsync("peer/warm-up", LargeSize, cancellationToken);
            await small.PutAsync(client, bucket, "peer-small/warm-up", cancellationToken);
            await small.GetAsync(client, bucket, "peer-small/warm-up", cancellationToken);
        }
        await PresignedCurl.GetUrlAsync(kestrel.Url.ToString(), LargeSize, cancellationToken);

        var rounds = new List<PeerRound>();
        for (var round = 1; round <= Rounds; round++)
        {
            Console.WriteLine($"  round {round}/{Rounds}");
            var key = $"peer/round-{round}";
            await PageCache.PrepareWriteAsync(large, cancellationToken);
            var dd = new Throughput(LargeSize,
                await ExternalCommand.TimeAsync("dd", [$"if={large}", $"of={ddCopy}", "bs=1M", "conv=fsync"], cancellationToken));
            var hash = new Throughput(LargeSize, await ExternalCommand.TimeAsync("openssl", ["md5", large], cancellationToken));
            await PageCache.PrepareWriteAsync(large, cancellationToken);
            var galleryPut = new Throughput(LargeSize, await sides[0].Curl.PutAsync(large, key, md5, cancellationToken));
            await PageCache.PrepareWriteAsync(large, cancellationToken);
            var peerPut = new Throughput(LargeSize, await sides[1].Curl.PutAsync(large, key, md5, cancellationToken));
            Console.WriteLine($"    PUT: dd {dd}, openssl md5 {hash}, gallery {galleryPut}, s3rver {peerPut}");

            await PageCache.TryDropAsync(cancellationToken);
            var kestrelGet = await PresignedCurl.GetUrlAsync(kestrel.Url.ToString(), LargeSize, cancellationToken);
            await PageCache.TryDropAsync(cancellationToken);
            var galleryGet = await sides[0].Curl.GetAsync(key, LargeSize, cancellationToken);
            await PageCache.TryDropAsync(cancellationToken);
            var peerGet = await sides[1].Curl.GetAsync(key, LargeSize, cancellationToken);
            Console.WriteLine($"    GET: Kestrel {kestrelGet}, gallery {galleryGet}, s3rver {peerGet}");

            var prefix = $"peer-small/round-{round}";
            await PageCache.FlushAsync(cancellationToken);
            var galleryPutOps = await small.PutAsync(gallery, bucket, prefix, cancellationToken);
            await PageCache.FlushAsync(cancellationToken);
            var peerPutOps = await small.PutAsync(peer.Client, bucket, prefix, cancellationToken);
            await PageCache.TryDropAsync(cancellationToken);
            var galleryGetOps = await small.GetAsync(gallery, bucket, prefix, cancellationToken);
            await PageCache.TryDropAsync(cancellationToken);
            var peerGetOps = await small.GetAsync(peer.Client, bucket, prefix, cancellationToken);
            Console.WriteLine($"    {small.Size / 1024} KiB x {small.Threads} threads: PUT gallery {galleryPutOps:F0} ops/s, s3rver {peerPutOps:F0} ops/s; " +
                $"GET gallery {galleryGetOps:F0} ops/s, s3rver {peerGetOps:F0} ops/s");

            rounds.Add(new PeerRound(dd, hash, galleryPut, peerPut, kestrelGet, galleryGet, peerGet, galleryPutOps, peerPutOps, galleryGetOps, peerGetOps));
        }
        return new PeerResults(rounds, small.Size, small.Threads);
    }
}
