using System.Text.RegularExpressions;
using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// The folders under the storage root. Object files are named by random ids inside their bucket's
/// folder (bucket names are checked S3 names), so no object key ever becomes part of a path.
/// Unfinished uploads live in a temporary folder per silo or gateway, and in a shared one while they move to another silo.
/// </summary>
public sealed partial class StorageLayout
{
    public StorageLayout(StorageOptions options, string siloName)
    {
        if (string.IsNullOrWhiteSpace(options.Root))
        {
            throw new InvalidOperationException("Storage:Root is not set.");
        }
        Root = Path.GetFullPath(options.Root);
        TempRoot = Path.Combine(Root, StagedObject.StagingFolder);
        TempDirectory = Path.Combine(TempRoot, StagedObject.SafeFolderName(siloName));
        // A silo's name never starts with a dot here (SafeFolderName), so no silo takes this folder for its own.
        HandoverDirectory = Path.Combine(TempRoot, ".handover");
    }

    public string Root { get; }
    public string TempRoot { get; }
    public string TempDirectory { get; }

    /// <summary>Where object writers of a stopping silo leave their uploads for their next activation (see <see cref="WriterHandover"/>).</summary>
    public string HandoverDirectory { get; }

    public string NewTempFile()
    {
        Directory.CreateDirectory(TempDirectory);
        return Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + ".part");
    }

    public string BucketDirectory(string bucket) => Path.Combine(Root, "buckets", CheckedBucket(bucket));

    public ObjectLocation NewLocation(string bucket)
    {
        var id = Guid.NewGuid().ToString("N");
        return new ObjectLocation($"buckets/{CheckedBucket(bucket)}/{id[..2]}/{id}");
    }

    /// <summary>The absolute path of a location, refusing anything that is not one of ours.</summary>
    public string PathOf(ObjectLocation location)
    {
        if (!ObjectLocationShape.IsWellFormed(location))
        {
            throw new ArgumentException($"Not an object location: '{location.RelativePath}'.", nameof(location));
        }
        return Path.Combine(Root, location.RelativePath);
    }

    /// <summary>The absolute path of a file a gateway staged, refusing anything outside the staging folders.</summary>
    public string PathOfStaged(StagedObject staged) => StagedObject.IsStagingPath(staged.RelativePath)
        ? Path.Combine(Root, staged.RelativePath)
        : throw new ArgumentException($"Not a staging path: '{staged.RelativePath}'.", nameof(staged));

    private static string CheckedBucket(string bucket) => BucketPattern().IsMatch(bucket)
        ? bucket
        : throw new ArgumentException($"Not a bucket name: '{bucket}'.", nameof(bucket));

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();
}
