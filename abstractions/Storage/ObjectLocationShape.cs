using System.Text.RegularExpressions;

namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// The one shape an object location has: a random file name in its bucket's folder. Whoever turns a location into a path
/// (a silo, or a gateway streaming the file itself) refuses any other, so a location can never point outside the root.
/// </summary>
public static partial class ObjectLocationShape
{
    public static bool IsWellFormed(ObjectLocation location) => Pattern().IsMatch(location.RelativePath);

    [GeneratedRegex(@"^buckets/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/[0-9a-f]{2}/[0-9a-f]{32}\z")]
    private static partial Regex Pattern();
}
