using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// The mixed load of the chaos test, for a long run: S3 PUT (50–450 KB) and GET, gallery uploads of a photo and
/// media listings, from several workers. PUTs overwrite a fixed set of keys in turn, so the data stays bounded
/// however long it runs. Every request's end time, latency and success is queued for the caller to take.
/// </summary>
internal sealed class SoakLoad(HttpClient http, string accessToken, AmazonS3Client s3, string bucket, byte[] photo)
{
    private const int Keys = 500;
    private readonly ConcurrentDictionary<int, bool> written = new();
    private int sequence;

    public ConcurrentQueue<(long Ticks, bool Succeeded)> Outcomes { get; } = new();

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stop))));

    private async Task WorkAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var step = Interlocked.Increment(ref sequence);
            var clock = Stopwatch.StartNew();
            bool succeeded;
            try
            {
                succeeded = await StepAsync(step, stop);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                succeeded = false;
            }
            Outcomes.Enqueue((clock.ElapsedTicks, succeeded));
        }
    }

    private async Task<bool> StepAsync(int step, CancellationToken stop)
    {
        switch (step % 6)
        {
            case 0:
                using (var upload = new HttpRequestMessage(HttpMethod.Post, "/api/media/upload"))
                {
                    var content = new MultipartFormDataContent();
                    content.Add(new ByteArrayContent(photo) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", $"soak-{step}.jpg");
                    upload.Content = content;
                    upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                    using var response = await http.SendAsync(upload, stop);
                    return response.StatusCode == HttpStatusCode.Created;
                }
            case 1:
                using (var listing = new HttpRequestMessage(HttpMethod.Get, "/api/media?limit=20"))
                {
                    listing.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                    using var response = await http.SendAsync(listing, stop);
                    await response.Content.ReadAsByteArrayAsync(stop);
                    return response.StatusCode == HttpStatusCode.OK;
                }
            case 2 or 4:
                if (written.IsEmpty)
                {
                    return true;
                }
                var key = written.Keys.ElementAt(Random.Shared.Next(written.Count));
                using (var read = await s3.GetObjectAsync(bucket, $"soak/{key:D3}", stop))
                {
                    await read.ResponseStream.CopyToAsync(Stream.Null, stop);
                }
                return true;
            default:
                var data = new byte[50_000 + Random.Shared.Next(400_000)];
                Random.Shared.NextBytes(data);
                var slot = step % Keys;
                using (var body = new MemoryStream(data))
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"soak/{slot:D3}", InputStream = body }, stop);
                }
                written[slot] = true;
                return true;
        }
    }
}
