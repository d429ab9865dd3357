using System.Globalization;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.Storage;
using Microsoft.Net.Http.Headers;

namespace GalleryOrleans.Gateway.S3.Api;

/// <summary>Object-level S3 operations: put, copy, get, head, delete.</summary>
internal static class S3ObjectOperations
{
    private const string MetadataPrefix = "x-amz-meta-";

    public static async Task PutAsync(S3Request request)
    {
        ObjectKeyRules.Validate(request.Key);
        var condition = WriteConditions.Of(request.Http.Request);
        (await request.BucketGrain.Get(request.Caller)).OrThrow();
        var payload = S3Payload.OpenForStorage(request.Http.Request, request.Authorization).WithinLimit();
        var sealedObject = (await payload.StoreAsync(request.Cluster, request.Aborted)).OrThrow();
        var stored = (await request.BucketGrain.PutObject(request.Caller, request.Key, sealedObject, PropertiesOf(request.Http.Request), condition)).OrThrow();
        request.Http.Response.Headers.ETag = S3Format.QuoteETag(stored.ETag);
        request.Status(StatusCodes.Status200OK);
    }

    public static async Task CopyAsync(S3Request request, string copySource)
    {
        ObjectKeyRules.Validate(request.Key);
        var condition = WriteConditions.Of(request.Http.Request);
        var source = await CopySource.FindAsync(request, copySource);
        var replace = string.Equals(request.Http.Request.Headers["x-amz-metadata-directive"], "REPLACE", StringComparison.OrdinalIgnoreCase);
        if (source.Bucket == request.Bucket && source.Key == request.Key && !replace)
        {
            throw new S3Exception(S3ErrorCodes.InvalidRequest,
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata.");
        }
        (await request.BucketGrain.Get(request.Caller)).OrThrow();
        var sealedObject = (await ObjectStreaming.CopyAsync(request.Cluster, source, 0, source.Size)).OrThrow();
        var properties = replace ? PropertiesOf(request.Http.Request) : new ObjectProperties(source.ContentType, source.Metadata);
        var stored = (await request.BucketGrain.PutObject(request.Caller, request.Key, sealedObject, properties, condition)).OrThrow();
        await request.WriteXmlAsync(S3Xml.CopyObject(stored.LastModified, stored.ETag));
    }

    public static async Task GetAsync(S3Request request, bool headOnly)
    {
        var info = (await request.BucketGrain.GetObject(request.Caller, request.Key)).OrThrow();
        var response = request.Http.Response;
        var etag = S3Format.QuoteETag(info.ETag);
        response.Headers.ETag = etag;
        response.Headers.LastModified = info.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = info.ContentType;
        foreach (var (name, value) in info.Metadata)
        {
            response.Headers[MetadataPrefix + name] = MetadataHeaderValue.Encode(value);
        }
        if (PreconditionStatus(request.Http.Request, etag) is { } status)
        {
            if (status == StatusCodes.Status412PreconditionFailed)
            {
                throw new S3Exception(S3ErrorCodes.PreconditionFailed, "At least one of the pre-conditions you specified did not hold");
            }
            request.Status(status);
            return;
        }
        var range = ByteRange.Parse(request.Http.Request.Headers.Range, info.Size);
        var (offset, length) = range is { } r ? (r.Start, r.Length) : (0L, info.Size);
        if (range is { } partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = partial.ContentRange(info.Size);
        }
        response.ContentLength = length;
        if (!headOnly)
        {
            await ObjectStreaming.CopyToAsync(request.Cluster, info.Location, offset, length, response.Body, request.Aborted);
        }
    }

    public static async Task DeleteAsync(S3Request request)
    {
        (await request.BucketGrain.DeleteObject(request.Caller, request.Key)).OrThrow();
        request.Status(StatusCodes.Status204NoContent);
    }

    /// <summary>Content type and x-amz-meta-* headers, kept with the object.</summary>
    public static ObjectProperties PropertiesOf(HttpRequest request)
    {
        var metadata = request.Headers
            .Where(h => h.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key[MetadataPrefix.Length..].ToLowerInvariant(), h => MetadataHeaderValue.Decode(h.Value.ToString()));
        return new ObjectProperties(request.ContentType ?? "binary/octet-stream", metadata);
    }

    private static int? PreconditionStatus(HttpRequest request, string etag)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfMatch is { Count: > 0 } ifMatch && !ifMatch.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Tag == etag))
        {
            return StatusCodes.Status412PreconditionFailed;
        }
        if (headers.IfNoneMatch is { Count: > 0 } ifNoneMatch && ifNoneMatch.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Tag == etag))
        {
            return StatusCodes.Status304NotModified;
        }
        return null;
    }

}
