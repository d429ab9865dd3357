using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.Xml;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>Service- and bucket-level S3 operations.</summary>
internal static class S3BucketOperations
{
    public static async Task ListBucketsAsync(S3Request request)
    {
        var query = ListBucketsQuery.Parse(request.Query);
        var buckets = await request.Cluster.GetGrain<IBucketDirectoryGrain>(0).ListBuckets(request.Caller);
        var after = buckets.Where(b => b.Name.StartsWith(query.Prefix, StringComparison.Ordinal)
            && (query.After is null || string.CompareOrdinal(b.Name, query.After) > 0)).ToList();
        var page = after.Take(query.MaxBuckets).Select(b => new BucketEntry(b.Name, b.CreatedAt)).ToList();
        var next = after.Count > page.Count && page.Count > 0 ? ListObjectsQuery.EncodeContinuationToken(page[^1].Name) : null;
        await request.WriteXmlAsync(S3Xml.ListAllMyBuckets(request.CallerId, request.CallerId, page, next));
    }

    public static async Task CreateAsync(S3Request request)
    {
        BucketNameRules.Validate(request.Bucket);
        await DrainAsync(request);
        var result = await request.BucketGrain.Create(request.Caller);
        // In us-east-1, the only region here, S3 answers a CreateBucket of a bucket the caller already owns with 200
        // and leaves the bucket as it is.
        if (result.Failure != StorageFailure.BucketAlreadyOwnedByYou)
        {
            result.OrThrow();
        }
        request.Http.Response.Headers.Location = "/" + request.Bucket;
        request.Status(StatusCodes.Status200OK);
    }

    public static async Task HeadAsync(S3Request request)
    {
        (await request.BucketGrain.Get(request.Caller)).OrThrow();
        request.Http.Response.Headers["x-amz-bucket-region"] = "us-east-1";
        request.Status(StatusCodes.Status200OK);
    }

    public static async Task LocationAsync(S3Request request)
    {
        (await request.BucketGrain.Get(request.Caller)).OrThrow();
        await request.WriteXmlAsync(S3Xml.LocationConstraint());
    }

    public static async Task DeleteAsync(S3Request request)
    {
        (await request.BucketGrain.Delete(request.Caller)).OrThrow();
        request.Status(StatusCodes.Status204NoContent);
    }

    public static async Task ListObjectsAsync(S3Request request)
    {
        var query = ListObjectsQuery.Parse(request.Query);
        await request.WriteXmlAsync(S3Xml.ListBucket(request.Bucket, query, await ListPageAsync(request, query), request.CallerId));
    }

    /// <summary>ListObjectVersions of an unversioned bucket: the listing, each object as version <c>null</c>.</summary>
    public static async Task ListVersionsAsync(S3Request request)
    {
        var query = ListVersionsQuery.Parse(request.Query);
        await request.WriteXmlAsync(S3Xml.ListVersions(request.Bucket, query, await ListPageAsync(request, query.Listing), request.CallerId));
    }

    private static async Task<ListObjectsPage> ListPageAsync(S3Request request, ListObjectsQuery query)
    {
        var listing = (await request.BucketGrain.List(request.Caller,
            new ListObjectsRequest(query.Prefix, query.Delimiter, query.After, query.MaxKeys))).OrThrow();
        return new ListObjectsPage(
            listing.Objects.Select(o => new ObjectEntry(o.Key, o.LastModified, o.ETag, o.Size)).ToList(),
            listing.CommonPrefixes,
            listing.IsTruncated ? listing.NextAfter : null);
    }

    public static async Task DeleteObjectsAsync(S3Request request)
    {
        var payload = S3Payload.Open(request.Http.Request, request.Authorization);
        var delete = await S3XmlParser.ParseDeleteAsync(payload.Body, request.Aborted);
        var bucket = request.BucketGrain;
        var deleted = new List<string>();
        var failures = new List<DeleteFailure>();
        foreach (var key in delete.Keys)
        {
            var failure = await bucket.DeleteObject(request.Caller, key);
            if (failure == StorageFailure.None)
            {
                deleted.Add(key);
            }
            else
            {
                var error = failure.ToS3().Error;
                failures.Add(new DeleteFailure(key, error.Code, error.Message));
            }
        }
        await request.WriteXmlAsync(S3Xml.DeleteResult(deleted, failures, delete.Quiet));
    }

    // CreateBucket may carry a CreateBucketConfiguration (a region); it is read and ignored, and still
    // has to pass the signature's payload checks.
    private static async Task DrainAsync(S3Request request)
    {
        var payload = S3Payload.Open(request.Http.Request, request.Authorization);
        await payload.Body.CopyToAsync(Stream.Null, request.Aborted);
    }
}
