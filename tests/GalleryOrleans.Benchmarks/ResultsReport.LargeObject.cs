namespace GalleryOrleans.Benchmarks;

/// <summary>The large-object sections of the report: speeds against the rounds' references, and the gateway's memory.</summary>
internal sealed partial class ResultsReport
{
    private static void PrintLargeObjects(TextWriter output, LargeObjectResults results)
    {
        var table = new TextTable(
            $"Large object ({Mib(results.Size)}, one PutObject / GetObject, AWS SDK or curl; {results.Rounds} rounds, each with its own references)",
            "operation", "gallery (median)", "reference (median)", "ratio: median of rounds (min–max)", "goal");
        foreach (var upload in results.Uploads.Where(u => u.Bytes == results.Size))
        {
            AddTransferRow(table, $"upload {upload.Label}", upload, "dd conv=fsync", ">= 0.70x");
        }
        foreach (var download in results.Downloads)
        {
            AddTransferRow(table, $"download, {download.Label}", download, "cat > /dev/null", ">= 0.80x");
        }
        AddTransferRow(table, "CopyObject inside the store, SDK", results.Copy, "dd copy conv=fsync", "");
        table.AddNote("Each round runs dd right before its uploads and cat right before its downloads. ratio: each round's gallery speed over");
        table.AddNote("that same round's reference, the median of the rounds with their smallest and largest in brackets; gallery and");
        table.AddNote("reference are the medians of the rounds' speeds on their own (their quotient need not equal the ratio).");
        table.AddNote("ByteRange(0, size - 1): the same whole object as a ranged request, for which the AWS SDK skips its check of the body");
        table.AddNote("against the ETag with its managed MD5 (ThirdParty.MD5), the largest CPU user of the SDK download on this machine.");
        table.AddNote("CopyObject: the round's uploaded object to a new key; the reference copies the same bytes to a new file with dd.");
        table.AddNote(ReadsNote(results.ColdReads));
        table.Print(output);
    }

    private static void AddTransferRow(TextTable table, string operation, TransferMeasurement transfer, string reference, string goal)
    {
        var ratio = transfer.Ratio;
        table.AddRow(operation, Throughput.Rate(transfer.Gallery.Median), $"{reference} {Throughput.Rate(transfer.Reference.Median)}",
            Format($"{ratio.Median:F2}x ({ratio.Min:F2}–{ratio.Max:F2})"), goal);
    }

    private static void PrintGatewayMemory(TextWriter output, LargeObjectResults results)
    {
        var table = new TextTable(
            $"Gateway resident memory during each upload (/proc/<pid>/status; of the {results.Rounds} rounds, the one it grew most in)",
            "upload", "baseline RSS", "peak RSS (50 ms samples)", "VmHWM", "peak - baseline");
        foreach (var upload in results.Uploads)
        {
            var memory = upload.GatewayMemory;
            table.AddRow(upload.Label, Mib(memory.Baseline), Mib(memory.PeakSampled),
                memory.HighWaterMarkWasReset ? Mib(memory.PeakHighWaterMark) : "n/a", Mib(memory.Growth));
        }
        table.AddNote(results.Uploads.All(u => u.GatewayMemory.HighWaterMarkWasReset)
            ? "VmHWM was reset before each upload (clear_refs), so it is the exact peak during that upload."
            : "VmHWM could not be reset (clear_refs); the peak is from the 50 ms samples only.");
        table.AddNote("Flat in object size means the 64 MiB and 256 MiB rows grow by about the same amount.");
        table.Print(output);
    }
}
