using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Benchmarks;

/// <summary>
/// Pairwise precision and recall of the similarity signals on a labelled set in the layout of
/// shared/testdata/similar (images/ and truth.json with "groups" and optionally "shots", the files of each group
/// that are distinct shots; see deploy/bench/similar-calibration/build-set.sh). Pairs are judged twice: as the
/// rule matches them directly, and as grouping joins them (connected components, what a user sees). Recall is
/// also given per kind of true pair: copy/copy, shot/shot (distinct shots of one scene) and shot/copy.
/// </summary>
internal static class SimilarityCalibration
{
    private static readonly float[] CosineSweep = [0.76f, 0.80f, 0.82f, 0.83f, 0.84f, 0.85f, 0.86f, 0.87f, 0.88f, 0.90f];

    public static int Run(string setDirectory)
    {
        var truth = JsonSerializer.Deserialize<Truth>(File.ReadAllText(Path.Combine(setDirectory, "truth.json")))
            ?? throw new InvalidDataException("truth.json is empty.");
        var groupOf = new Dictionary<string, int>();
        foreach (var (files, group) in truth.Groups.Select((files, group) => (files, group)))
        {
            files.ToList().ForEach(file => groupOf[file] = group);
        }
        var shots = (truth.Shots ?? []).SelectMany(files => files).ToHashSet();
        var names = groupOf.Keys.Order(StringComparer.Ordinal).ToArray();

        using var model = new EmbeddingModel(EmbeddingModel.DefaultDirectory);
        var clock = Stopwatch.StartNew();
        var photos = names.AsParallel().AsOrdered().Select(name =>
        {
            var path = Path.Combine(setDirectory, "images", name);
            var embedding = model.Embed(PhotoSample.FromFile(path));
            return (Float: Photo(name, path, embedding), Int8: Photo(name, path, PhotoEmbedding.Read(PhotoEmbedding.Quantise(embedding))));
        }).ToArray();
        Console.WriteLine($"{names.Length} images, {truth.Groups.Count} groups, {shots.Count} shot files; decoded, hashed and embedded in {clock.Elapsed.TotalSeconds:F1} s");

        var kindOf = (int a, int b) => (shots.Contains(names[a]), shots.Contains(names[b])) switch
        {
            (true, true) => "shot/shot",
            (false, false) => "copy/copy",
            _ => "shot/copy",
        };
        var same = (int a, int b) => groupOf[names[a]] == groupOf[names[b]];
        var floats = photos.Select(photo => photo.Float).ToArray();
        var int8 = photos.Select(photo => photo.Int8).ToArray();

        HashMatchCosines(floats, same, NearDuplicateRule.DefaultThreshold);
        HashMatchCosines(floats, same, NearDuplicateRule.MaxThreshold);
        Console.WriteLine("method | direct: precision recall (shot/shot, shot/copy, copy/copy) | grouped: precision recall (shot/shot, shot/copy, copy/copy)");
        var hashesOnly = floats.Select(photo => photo with { Embedding = null }).ToArray();
        Report("hashes only, 7 bits", hashesOnly, new SimilarityRule(NearDuplicateRule.DefaultThreshold, 2f));
        Report("hashes only, 12 bits", hashesOnly, new SimilarityRule(NearDuplicateRule.MaxThreshold, 2f));
        Report($"7 bits, cosine >= {SimilarityRule.CopyCosineFloor:F2}", floats, new SimilarityRule(NearDuplicateRule.DefaultThreshold, 2f));
        foreach (var cosine in CosineSweep)
        {
            Report($"cosine only >= {cosine:F2}", floats, new SimilarityRule(-1, cosine));
        }
        foreach (var cosine in CosineSweep)
        {
            Report($"7 bits (cos>={SimilarityRule.CopyCosineFloor:F2}) OR cos>={cosine:F2}", floats, new SimilarityRule(NearDuplicateRule.DefaultThreshold, cosine));
            Report($"  same, int8", int8, new SimilarityRule(NearDuplicateRule.DefaultThreshold, cosine));
        }
        return 0;

        void Report(string method, LibraryPhoto[] set, SimilarityRule rule)
        {
            var direct = new Tally();
            var grouped = new Tally();
            var groupIndex = new Dictionary<Guid, int>();
            var cosineOnly = rule.HashThreshold < 0;
            foreach (var (group, index) in (cosineOnly ? [] : PhotoGrouper.FindGroups(set, rule)).Select((g, i) => (g, i)))
            {
                group.Members.ToList().ForEach(member => groupIndex[member.Id] = index);
            }
            for (var a = 0; a < set.Length; a++)
            {
                for (var b = a + 1; b < set.Length; b++)
                {
                    var kind = kindOf(a, b);
                    direct.Add(kind, same(a, b), cosineOnly ? SimilarityRule.Cosine(set[a], set[b]) >= rule.CosineThreshold : rule.Match(set[a], set[b]) is not null);
                    grouped.Add(kind, same(a, b), groupIndex.TryGetValue(set[a].Id, out var ga) && groupIndex.TryGetValue(set[b].Id, out var gb) && ga == gb);
                }
            }
            Console.WriteLine($"{method,-36} | {direct} | {(cosineOnly ? "-" : grouped.ToString())}");
        }
    }

    /// <summary>How far the embedding agrees with hash matches: the basis for the cosine floor of a copy.</summary>
    private static void HashMatchCosines(LibraryPhoto[] set, Func<int, int, bool> same, int bits)
    {
        var (trueCosines, falseCosines) = (new List<float>(), new List<float>());
        for (var a = 0; a < set.Length; a++)
        {
            for (var b = a + 1; b < set.Length; b++)
            {
                if (NearDuplicateRule.Distance(set[a].Fingerprint, set[b].Fingerprint) <= bits)
                {
                    (same(a, b) ? trueCosines : falseCosines).Add(SimilarityRule.Cosine(set[a], set[b]));
                }
            }
        }
        Console.WriteLine($"pairs within {bits} bits: {trueCosines.Count} true, lowest cosines {Listed(trueCosines.Order())}; " +
            $"{falseCosines.Count} false, highest cosines {Listed(falseCosines.OrderDescending())}");
        static string Listed(IEnumerable<float> cosines) => string.Join(' ', cosines.Take(6).Select(c => c.ToString("F2", CultureInfo.InvariantCulture)));
    }

    private static LibraryPhoto Photo(string name, string path, float[] embedding) =>
        new(new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name))), PerceptualHasher.FromFile(path), embedding, default);

    private sealed class Tally
    {
        private readonly Dictionary<string, (int Found, int Total)> byKind = [];
        private int predicted, correct, truePairs;

        public void Add(string kind, bool same, bool matched)
        {
            predicted += matched ? 1 : 0;
            correct += matched && same ? 1 : 0;
            if (same)
            {
                truePairs++;
                var (found, total) = byKind.GetValueOrDefault(kind);
                byKind[kind] = (found + (matched ? 1 : 0), total + 1);
            }
        }

        public override string ToString()
        {
            var precision = predicted == 0 ? 1 : (double)correct / predicted;
            var recall = truePairs == 0 ? 1 : (double)correct / truePairs;
            var kinds = string.Join(", ", new[] { "shot/shot", "shot/copy", "copy/copy" }
                .Select(kind => byKind.TryGetValue(kind, out var k) ? (k.Total == 0 ? 1 : (double)k.Found / k.Total).ToString("F3", CultureInfo.InvariantCulture) : "-"));
            return $"{precision:F4} ({correct}/{predicted}) {recall:F4} ({kinds})";
        }
    }

    private sealed record Truth(
        [property: JsonPropertyName("groups")] IReadOnlyList<IReadOnlyList<string>> Groups,
        [property: JsonPropertyName("shots")] IReadOnlyList<IReadOnlyList<string>>? Shots);
}
