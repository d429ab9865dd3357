using System.Text.RegularExpressions;

namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// An object's bytes written by a gateway straight into the storage root's staging folder and flushed to the disk,
/// not yet visible under any key: <see cref="IBucketGrain.PublishStaged"/> renames the file into the bucket's folder.
/// <see cref="Sha256Hex"/> is empty when the request's signature did not need the SHA-256 of the body.
/// </summary>
[GenerateSerializer, Immutable]
public sealed partial record StagedObject(
    [property: Id(0)] string RelativePath,
    [property: Id(1)] long Size,
    [property: Id(2)] string ETag,
    [property: Id(3)] string Sha256Hex)
{
    /// <summary>The folder under the storage root where uploads in progress live, one subfolder per silo or gateway.</summary>
    public const string StagingFolder = ".tmp";

    /// <summary>A fresh staging path for the writer named <paramref name="writerFolder"/> (a safe name from <see cref="SafeFolderName"/>).</summary>
    public static string NewRelativePath(string writerFolder) => $"{StagingFolder}/{writerFolder}/{Guid.NewGuid():N}.part";

    /// <summary>Whether a path is one <see cref="NewRelativePath"/> makes, so a publish never renames anything else.</summary>
    public static bool IsStagingPath(string relativePath) => StagingPathPattern().IsMatch(relativePath);

    /// <summary>A folder name made of letters, digits, '-' and '_' only.</summary>
    public static string SafeFolderName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    [GeneratedRegex(@"^\.tmp/[A-Za-z0-9_-]+/[0-9a-f]{32}\.part$")]
    private static partial Regex StagingPathPattern();
}
