using System.Globalization;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Benchmarks;

/// <summary>The photo sections of the report: gallery uploads, hashing and grouping.</summary>
internal sealed partial class ResultsReport
{
    private void PrintMedia(TextWriter output)
    {
        if (GalleryUploads is { } uploads)
        {
            PrintGalleryUploads(output, uploads);
        }
        if (PhoneMedia is { } phone)
        {
            PhoneMediaBenchmark.Print(output, phone);
        }
        if (Hashing is { } hashing)
        {
            PrintHashing(output, hashing);
        }
        if (Grouping is { } grouping)
        {
            PrintGrouping(output, grouping);
        }
    }

    private static void PrintGalleryUploads(TextWriter output, GalleryUploadResults results)
    {
        var table = new TextTable(
            Format($"Gallery upload ({results.Count} JPEGs of 12 MP, {results.Bytes / 1e6 / results.Count:F1} MB average, one per request, concurrency {results.Concurrency})"),
            "operation", "photos/s", "throughput");
        table.AddRow("POST /api/media/upload", Format($"{results.GalleryPhotosPerSecond:F1}"), new Throughput(results.Bytes, results.Gallery).ToString());
        table.AddRow("S3 PutObject, same bytes", Format($"{results.S3PhotosPerSecond:F1}"), new Throughput(results.Bytes, results.S3).ToString());
        table.AddNote($"gallery / S3: {Ratio(results.GalleryPhotosPerSecond, results.S3PhotosPerSecond)} " +
            "(the upload stores, decodes, renders the thumbnails and hashes each photo before answering).");
        table.Print(output);
    }

    private void PrintHashing(TextWriter output, HashingResults results)
    {
        var table = new TextTable(
            $"Perceptual hashing ({results.Count} JPEGs of 12 MP, {results.Workers} workers, median of {results.Rounds} rounds)",
            "method", "images/s", "ratio", "client CPU per image");
        table.AddRow("PerceptualHasher.FromFile (shrink-on-load)", Format($"{results.HasherImagesPerSecond:F1}"),
            Ratio(results.HasherImagesPerSecond, results.ReferenceImagesPerSecond), CpuPerImage(results, HashingBenchmark.HasherMeasurement));
        table.AddRow("reference: Image.NewFromFile + Resize to 64x64", Format($"{results.ReferenceImagesPerSecond:F1}"), "1.00x",
            CpuPerImage(results, HashingBenchmark.ReferenceMeasurement));
        table.AddNote("CPU per image depends less on other load on the machine than images/s does.");
        table.Print(output);
    }

    private string CpuPerImage(HashingResults results, string measurement) =>
        Cpu.FirstOrDefault(use => use.Measurement == measurement) is { } use
            ? Ms(use.Client.TotalMilliseconds / results.ImagesPerMeasurement)
            : "n/a";

    private static void PrintGrouping(TextWriter output, GroupingResults results)
    {
        var table = new TextTable(
            Format($"Grouping synthetic fingerprints (threshold {results.Threshold}, {results.PlantedShare:P0} planted near copies)"),
            "photos", "SimilarityIndex", "groups", "NaiveGrouper", "naive / index", "same groups");
        foreach (var run in results.Runs)
        {
            var (naive, ratio, same) = run.Naive is { } time
                ? (Seconds(time), Ratio(time.TotalSeconds, run.Index.TotalSeconds), run.NaiveGroups == run.Groups ? "yes" : "NO")
                : (Format($"skipped (predicted {run.PredictedNaive.TotalSeconds:F0} s)"), "", "");
            table.AddRow(run.Photos.ToString("N0", CultureInfo.InvariantCulture), Seconds(run.Index),
                run.Groups.ToString("N0", CultureInfo.InvariantCulture), naive, ratio, same);
        }
        table.AddNote("Naive is quadratic: it runs at a size only when scaling its last time predicts under 60 s.");
        table.AddNote("same groups compares the group counts of the two methods.");
        table.Print(output);
    }
}
