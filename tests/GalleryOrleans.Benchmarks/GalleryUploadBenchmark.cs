using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Benchmarks;

internal sealed record GalleryUploadResults(int Count, long Bytes, int Concurrency, TimeSpan Gallery, TimeSpan S3)
{
    public double GalleryPhotosPerSecond => Count / Gallery.TotalSeconds;
    public double S3PhotosPerSecond => Count / S3.TotalSeconds;
}

/// <summary>
/// 12-megapixel JPEGs uploaded through POST /api/media/upload, which stores, decodes, renders the thumbnails
/// and hashes each one before answering, against PutObject of the same files into a plain bucket.
/// </summary>
internal sealed class GalleryUploadBenchmark(HttpClient http, string accessToken, AmazonS3Client s3, TestPhotos photos, CpuMeter cpu)
{
    private const int Count = 200;
    private const int Concurrency = 4;
    private const string ReferenceBucket = "photo-upload-reference";

    public async Task<GalleryUploadResults> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"  generating {Count} JPEGs of {TestPhotos.Width}x{TestPhotos.Height} (not measured) ...");
        var files = photos.Take(Count);
        var bytes = files.Sum(file => new FileInfo(file).Length);
        foreach (var file in files)
        {
            await PageCache.WarmAsync(file, cancellationToken);
        }
        await s3.PutBucketAsync(ReferenceBucket, cancellationToken);

        await PageCache.FlushAsync(cancellationToken);
        var gallery = await cpu.MeasureAsync("gallery photo uploads", () => TimeAsync(files, UploadToGalleryAsync, cancellationToken));
        Console.WriteLine($"  gallery: {Count / gallery.TotalSeconds:F1} photos/s");

        await PageCache.FlushAsync(cancellationToken);
        var plain = await cpu.MeasureAsync("S3 PUTs of the photos", () => TimeAsync(files, PutToS3Async, cancellationToken));
        Console.WriteLine($"  S3 PutObject: {Count / plain.TotalSeconds:F1} photos/s");
        return new GalleryUploadResults(Count, bytes, Concurrency, gallery, plain);
    }

    private async Task UploadToGalleryAsync(string file, CancellationToken cancellationToken)
    {
        await using var body = File.OpenRead(file);
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(body);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "file", Path.GetFileName(file));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media/upload") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Uploading {file} answered {(int)response.StatusCode}: {text}");
        }
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.GetProperty("items").GetArrayLength() != 1)
        {
            throw new InvalidDataException($"Uploading {file} did not answer one media item: {text}");
        }
    }

    private async Task PutToS3Async(string file, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest { BucketName = ReferenceBucket, Key = Path.GetFileName(file), FilePath = file };
        await s3.PutObjectAsync(request, cancellationToken);
    }

    private static async Task<TimeSpan> TimeAsync(
        IReadOnlyList<string> files, Func<string, CancellationToken, Task> upload, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(files, options, async (file, token) => await upload(file, token));
        return Stopwatch.GetElapsedTime(started);
    }
}
