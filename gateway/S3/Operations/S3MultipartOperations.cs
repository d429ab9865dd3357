using System.Globalization;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.Http.Streams;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.Xml;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>Multipart upload: create, upload part, list parts, complete, abort.</summary>
internal static class S3MultipartOperations
{
    public static async Task CreateAsync(S3Request request)
    {
        ObjectKeyRules.Validate(request.Key);
        var uploadId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        (await Upload(request, uploadId).Initiate(request.Caller, request.Bucket, request.Key,
            S3ObjectOperations.PropertiesOf(request.Http.Request))).OrThrow();
        await request.WriteXmlAsync(S3Xml.InitiateMultipartUpload(request.Bucket, request.Key, uploadId));
    }

    public static async Task UploadPartAsync(S3Request request, string uploadId)
    {
        var uploaded = await AddPartAsync(request, uploadId,
            () => S3Payload.OpenForStorage(request.Http.Request, request.Authorization).WithinLimit().StoreAsync(request.Cluster, request.Aborted));
        request.Http.Response.Headers.ETag = S3Format.QuoteETag(uploaded.ETag);
        request.Status(StatusCodes.Status200OK);
    }

    /// <summary>UploadPartCopy: the part's bytes come from an existing object, all of it or x-amz-copy-source-range.</summary>
    public static async Task UploadPartCopyAsync(S3Request request, string uploadId, string copySource)
    {
        var uploaded = await AddPartAsync(request, uploadId, async () =>
        {
            var source = await CopySource.FindAsync(request, copySource);
            var range = ByteRange.ParseCopySourceRange(request.Http.Request.Headers["x-amz-copy-source-range"], source.Size);
            return await ObjectStreaming.CopyAsync(request.Cluster, source, range.Start, range.Length);
        });
        await request.WriteXmlAsync(S3Xml.CopyPart(uploaded.LastModified, uploaded.ETag));
    }

    public static async Task ListPartsAsync(S3Request request, string uploadId)
    {
        var upload = (await Upload(request, uploadId).Describe(request.Caller, request.Bucket, request.Key)).OrThrow();
        var marker = QueryNumber(request, "part-number-marker", 0);
        var maxParts = Math.Clamp(QueryNumber(request, "max-parts", 1000), 0, 1000);
        var after = upload.Parts.Where(p => p.PartNumber > marker).ToList();
        var page = after.Take(maxParts).Select(p => new PartEntry(p.PartNumber, p.LastModified, p.ETag, p.Size)).ToList();
        int? next = after.Count > page.Count && page.Count > 0 ? page[^1].PartNumber : null;
        await request.WriteXmlAsync(S3Xml.ListParts(new ListPartsPage(request.Bucket, request.Key, uploadId, marker, maxParts, page, next)));
    }

    /// <summary>ListMultipartUploads with prefix, delimiter, key-marker, upload-id-marker and max-uploads.</summary>
    public static async Task ListUploadsAsync(S3Request request)
    {
        var query = new ListUploadsRequest(request.Query["prefix"].ToString(), request.Query["key-marker"].ToString(),
            request.Query["upload-id-marker"].ToString(), Math.Clamp(QueryNumber(request, "max-uploads", 1000), 0, 1000),
            request.Query["delimiter"].ToString());
        var listing = (await request.BucketGrain.ListUploads(request.Caller, query)).OrThrow();
        await request.WriteXmlAsync(S3Xml.ListMultipartUploads(request.Bucket, query, listing, request.Caller.ToString()));
    }

    public static async Task CompleteAsync(S3Request request, string uploadId)
    {
        var condition = WriteConditions.Of(request.Http.Request);
        var payload = S3Payload.Open(request.Http.Request, request.Authorization);
        var parts = await S3XmlParser.ParseCompleteMultipartUploadAsync(payload.Body, request.Aborted);
        var stored = (await Upload(request, uploadId).Complete(request.Caller, request.Bucket, request.Key,
            parts.Select(p => new PartReference(p.PartNumber, S3Format.UnquoteETag(p.ETag))).ToList(), condition)).OrThrow();
        await request.WriteXmlAsync(S3Xml.CompleteMultipartUpload($"/{request.Bucket}/{request.Key}", request.Bucket, request.Key, stored.ETag));
    }

    public static async Task AbortAsync(S3Request request, string uploadId)
    {
        (await Upload(request, uploadId).Abort(request.Caller, request.Bucket, request.Key)).OrThrow();
        request.Status(StatusCodes.Status204NoContent);
    }

    /// <summary>Checks that the upload is the caller's, stores the part's bytes with <paramref name="store"/>, and records the part.</summary>
    private static async Task<UploadedPart> AddPartAsync(
        S3Request request, string uploadId, Func<Task<Result<SealedObject, StorageFailure>>> store)
    {
        var partNumber = PartNumber(request);
        var upload = Upload(request, uploadId);
        (await upload.Describe(request.Caller, request.Bucket, request.Key)).OrThrow();
        var part = (await store()).OrThrow();
        return (await upload.UploadPart(request.Caller, request.Bucket, request.Key, partNumber, part)).OrThrow();
    }

    private static int QueryNumber(S3Request request, string name, int fallback) =>
        request.Query[name].Count == 0 ? fallback
        : int.TryParse(request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new S3Exception(S3ErrorCodes.InvalidArgument, $"Invalid {name}.");

    private static int PartNumber(S3Request request) =>
        int.TryParse(request.Query["partNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 10_000
            ? number
            : throw new S3Exception(S3ErrorCodes.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive");

    private static IMultipartUploadGrain Upload(S3Request request, string uploadId)
    {
        if (uploadId.Length != 32 || !uploadId.All(char.IsAsciiHexDigitLower))
        {
            throw StorageFailure.NoSuchUpload.ToS3();
        }
        return request.Cluster.GetGrain<IMultipartUploadGrain>(uploadId);
    }
}
