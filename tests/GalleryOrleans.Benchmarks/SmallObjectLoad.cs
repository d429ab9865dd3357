using System.Diagnostics;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// Many small objects put and then got by a fixed number of client threads with the AWS SDK, as operations per second;
/// every ETag and length is checked. The same load runs against the gallery and its peer.
/// </summary>
internal sealed class SmallObjectLoad(int count, int size, int threads)
{
    private readonly byte[][] payloads = [.. Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetBytes(size))];

    public int Threads => threads;

    public int Size => size;

    public async Task<double> PutAsync(AmazonS3Client s3, string bucket, string prefix, CancellationToken cancellationToken)
    {
        var etags = payloads.Select(payload => Convert.ToHexStringLower(MD5.HashData(payload))).ToArray();
        return await OperationsPerSecondAsync(async (index, token) =>
        {
            using var body = new MemoryStream(payloads[index], writable: false);
            var response = await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = KeyOf(prefix, index),
                InputStream = body,
                UseChunkEncoding = false,
            }, token);
            if (response.ETag.Trim('"') != etags[index])
            {
                throw new InvalidDataException($"PutObject {KeyOf(prefix, index)} answered ETag {response.ETag}, expected {etags[index]}.");
            }
        }, cancellationToken);
    }

    public Task<double> GetAsync(AmazonS3Client s3, string bucket, string prefix, CancellationToken cancellationToken) =>
        OperationsPerSecondAsync(async (index, token) =>
        {
            using var response = await s3.GetObjectAsync(bucket, KeyOf(prefix, index), token);
            var received = await StreamSink.DrainAsync(response.ResponseStream, token);
            if (received != size)
            {
                throw new InvalidDataException($"GetObject {KeyOf(prefix, index)} returned {received} bytes, expected {size}.");
            }
        }, cancellationToken);

    private async Task<double> OperationsPerSecondAsync(Func<int, CancellationToken, ValueTask> operation, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, operation);
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static string KeyOf(string prefix, int index) => $"{prefix}/{index:D4}";
}
