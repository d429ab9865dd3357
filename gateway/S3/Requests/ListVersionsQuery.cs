using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>
/// The query of ListObjectVersions (<c>GET ?versions</c>). Buckets are unversioned, so every object has exactly one
/// version, <c>null</c>: a page resumes after its key marker, and the only version id marker there can be is <c>null</c>.
/// </summary>
public sealed class ListVersionsQuery
{
    public const string NullVersionId = "null";

    /// <summary>Prefix, delimiter, max-keys and encoding-type, read as ListObjects reads them.</summary>
    public required ListObjectsQuery Listing { get; init; }

    /// <summary><c>key-marker</c>, echoed back; the page starts after it.</summary>
    public string? KeyMarker { get; private init; }

    /// <summary><c>version-id-marker</c>, echoed back.</summary>
    public string? VersionIdMarker { get; private init; }

    public static ListVersionsQuery Parse(IQueryCollection query)
    {
        var keyMarker = NullIfEmpty(query["key-marker"].ToString());
        var versionIdMarker = NullIfEmpty(query["version-id-marker"].ToString());
        if (versionIdMarker is not null && keyMarker is null)
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument, "A version-id marker cannot be specified without a key marker.");
        }
        if (versionIdMarker is not (null or NullVersionId))
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument, "Invalid version id specified");
        }
        return new ListVersionsQuery
        {
            Listing = ListObjectsQuery.Parse(query, after: keyMarker),
            KeyMarker = keyMarker,
            VersionIdMarker = versionIdMarker,
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
