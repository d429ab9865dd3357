namespace GalleryOrleans.Tests.Similarity;

/// <summary>Pairwise precision and recall of a grouping against the true groups.</summary>
public readonly record struct PairwiseQuality(int PredictedPairs, int TruePairs, int CorrectPairs)
{
    /// <summary>Share of predicted pairs that are true; 1 when nothing was predicted.</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    /// <summary>Share of true pairs that were predicted; 1 when there are none.</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public static PairwiseQuality Measure(
        IEnumerable<IEnumerable<string>> predictedGroups, IEnumerable<IEnumerable<string>> trueGroups)
    {
        var predicted = PairsOf(predictedGroups);
        var truth = PairsOf(trueGroups);
        return new PairwiseQuality(predicted.Count, truth.Count, predicted.Count(truth.Contains));
    }

    public override string ToString() =>
        $"precision {Precision:F3} ({CorrectPairs}/{PredictedPairs}), recall {Recall:F3} ({CorrectPairs}/{TruePairs})";

    private static HashSet<(string, string)> PairsOf(IEnumerable<IEnumerable<string>> groups)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var group in groups)
        {
            var members = group.Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < members.Length; i++)
            {
                for (var j = i + 1; j < members.Length; j++)
                {
                    pairs.Add((members[i], members[j]));
                }
            }
        }

        return pairs;
    }
}
