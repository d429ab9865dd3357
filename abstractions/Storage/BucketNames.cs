using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Abstractions.Storage;

/// <summary>S3's bucket naming rules, the gallery's reserved prefix, and object key limits.</summary>
public static partial class BucketNames
{
    /// <summary>Names with this prefix are the users' default gallery buckets, made by the system.</summary>
    public const string ReservedPrefix = "gallery-";

    public static string DefaultFor(Guid userId) => ReservedPrefix + userId.ToString("N");

    public static bool IsValid([NotNullWhen(true)] string? name) =>
        name is not null
        && Shape().IsMatch(name)
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Contains(".-", StringComparison.Ordinal)
        && !name.Contains("-.", StringComparison.Ordinal)
        && !IPAddress.TryParse(name, out _)
        && !name.StartsWith("xn--", StringComparison.Ordinal)
        && !name.StartsWith("sthree-", StringComparison.Ordinal)
        && !name.EndsWith("-s3alias", StringComparison.Ordinal)
        && !name.EndsWith("--ol-s3", StringComparison.Ordinal);

    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && Encoding.UTF8.GetByteCount(key) <= 1024 && !key.Contains('\0');

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Shape();
}
