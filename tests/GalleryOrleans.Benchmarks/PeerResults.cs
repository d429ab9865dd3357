using System.Globalization;

namespace GalleryOrleans.Benchmarks;

/// <summary>One round of the peer comparison; each figure of a round was measured within a minute of the others.</summary>
internal sealed record PeerRound(
    Throughput DdWrite, Throughput Md5, Throughput GalleryPut, Throughput PeerPut,
    Throughput KestrelGet, Throughput GalleryGet, Throughput PeerGet,
    double GalleryPutOps, double PeerPutOps, double GalleryGetOps, double PeerGetOps)
{
    /// <summary>Every byte of a PUT is written and hashed for its ETag: the slower of the two bounds it.</summary>
    public double PutLimit => Math.Min(DdWrite.MegabytesPerSecond, Md5.MegabytesPerSecond);
}

/// <summary>The S3 speed goals as ratios over rounds: each round's gallery figure over that round's reference.</summary>
internal sealed record PeerResults(IReadOnlyList<PeerRound> Rounds, int SmallSize, int SmallThreads)
{
    public void Print(TextWriter output)
    {
        var kib = SmallSize / 1024;
        var table = new TextTable($"S3 against its peers ({Rounds.Count} rounds; ratio min / median / max)", "measurement", "ratio", "goal");
        Add(table, "256 MiB PUT curl presigned / min(dd conv=fsync, openssl md5)", r => r.GalleryPut.MegabytesPerSecond / r.PutLimit, 0.6);
        Add(table, "  s3rver PUT curl presigned / min(dd conv=fsync, openssl md5)", r => r.PeerPut.MegabytesPerSecond / r.PutLimit, null);
        Add(table, "256 MiB GET curl presigned / bare Kestrel file endpoint", r => r.GalleryGet.MegabytesPerSecond / r.KestrelGet.MegabytesPerSecond, 0.6);
        Add(table, "256 MiB GET curl presigned / s3rver", r => r.GalleryGet.MegabytesPerSecond / r.PeerGet.MegabytesPerSecond, 2);
        Add(table, $"{kib} KiB PUT ops/s, {SmallThreads} threads / s3rver", r => r.GalleryPutOps / r.PeerPutOps, 1.5);
        Add(table, $"{kib} KiB GET ops/s, {SmallThreads} threads / s3rver", r => r.GalleryGetOps / r.PeerGetOps, 2);
        foreach (var (round, number) in Rounds.Select((round, index) => (round, index + 1)))
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"round {number}: PUT {round.GalleryPut.MegabytesPerSecond:F0} MB/s (dd {round.DdWrite.MegabytesPerSecond:F0}, md5 {round.Md5.MegabytesPerSecond:F0}, " +
                $"s3rver {round.PeerPut.MegabytesPerSecond:F0}); GET {round.GalleryGet.MegabytesPerSecond:F0} MB/s (Kestrel " +
                $"{round.KestrelGet.MegabytesPerSecond:F0}, s3rver {round.PeerGet.MegabytesPerSecond:F0}); {kib} KiB PUT {round.GalleryPutOps:F0} ops/s " +
                $"(s3rver {round.PeerPutOps:F0}), GET {round.GalleryGetOps:F0} ops/s (s3rver {round.PeerGetOps:F0})"));
        }
        table.Print(output);
    }

    private void Add(TextTable table, string label, Func<PeerRound, double> ratio, double? goal)
    {
        var spread = Spread.Of(Rounds.Select(ratio));
        var verdict = goal is { } wanted ? $">= {wanted:0.0#}: {(spread.Median >= wanted ? "met" : "not met")} (median)" : "";
        table.AddRow(label, string.Create(CultureInfo.InvariantCulture, $"{spread.Min:F2} / {spread.Median:F2} / {spread.Max:F2}"), verdict);
    }
}
