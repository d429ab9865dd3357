namespace GalleryOrleans.Benchmarks;

/// <summary>The gallery's speed in one round and the reference's, measured right before it in the same round.</summary>
internal readonly record struct RoundFigure(Throughput Gallery, Throughput Reference)
{
    public double Ratio => Gallery.MegabytesPerSecond / Reference.MegabytesPerSecond;
}

/// <summary>One kind of transfer over all rounds.</summary>
internal record TransferMeasurement(string Label, long Bytes, IReadOnlyList<RoundFigure> Rounds)
{
    public Spread Gallery => Spread.Of(Rounds.Select(round => round.Gallery.MegabytesPerSecond));

    public Spread Reference => Spread.Of(Rounds.Select(round => round.Reference.MegabytesPerSecond));

    /// <summary>Each round's gallery speed over that round's own reference: the disk's speed changes from minute to minute.</summary>
    public Spread Ratio => Spread.Of(Rounds.Select(round => round.Ratio));
}

/// <param name="GatewayMemory">The gateway's memory in the round in which it grew the most.</param>
internal sealed record UploadMeasurement(string Label, long Bytes, IReadOnlyList<RoundFigure> Rounds, MemoryUse GatewayMemory)
    : TransferMeasurement(Label, Bytes, Rounds);

internal sealed record LargeObjectResults(
    long Size, int Rounds, IReadOnlyList<UploadMeasurement> Uploads, IReadOnlyList<TransferMeasurement> Downloads,
    TransferMeasurement Copy, bool ColdReads);
