using System.Diagnostics;
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

    private Task UploadToGalleryAsync(string file, CancellationToken cancellationToken) =>
        GalleryUploadRequest.SendAsync(http, accessToken, file, "image/jpeg", cancellationToken);

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
