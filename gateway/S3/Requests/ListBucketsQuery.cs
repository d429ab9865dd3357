using System.Globalization;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>The query of ListBuckets: <c>prefix</c>, <c>max-buckets</c> (1..10000) and <c>continuation-token</c>.</summary>
public sealed class ListBucketsQuery
{
    public const int MaxBucketsLimit = 10_000;

    public string Prefix { get; private init; } = "";

    public int MaxBuckets { get; private init; } = MaxBucketsLimit;

    /// <summary>List only buckets whose names sort after this one: the continuation token's bucket.</summary>
    public string? After { get; private init; }

    public static ListBucketsQuery Parse(IQueryCollection query)
    {
        var maxText = query["max-buckets"].ToString();
        var maxBuckets = MaxBucketsLimit;
        if (maxText.Length > 0 && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxBuckets)
            || maxBuckets is < 1 or > MaxBucketsLimit))
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument, "max-buckets must be an integer between 1 and 10000.");
        }
        var token = query["continuation-token"].ToString();
        return new ListBucketsQuery
        {
            Prefix = query["prefix"].ToString(),
            MaxBuckets = maxBuckets,
            After = token.Length == 0 ? null : ListObjectsQuery.DecodeContinuationToken(token),
        };
    }
}
