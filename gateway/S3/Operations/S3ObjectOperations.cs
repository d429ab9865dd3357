using System.Globalization;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.Http.Streams;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.Xml;
using Microsoft.Win32.SafeHandles;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>Object-level S3 operations: put, copy, get, head, delete.</summary>
internal static class S3ObjectOperations
{
    private const string MetadataPrefix = "x-amz-meta-";

    /// <summary>How often a GET asks again for an object whose file vanished (it was replaced or deleted meanwhile).</summary>
    private const int MaxOpenAttempts = 3;

    /// <summary>
    /// The bucket grain is asked first (owner, key, quota against the declared length), so a refused write reads no
    /// byte. Where the gateway mounts the storage root, it stages the body there itself and the bucket grain publishes
    /// the file; otherwise the bytes stream to a writer grain on a silo.
    /// </summary>
    public static async Task PutAsync(S3Request request)
    {
        ObjectKeyRules.Validate(request.Key);
        var condition = WriteConditions.Of(request.Http.Request);
        var payload = S3Payload.OpenForStorage(request.Http.Request, request.Authorization).WithinLimit();
        var allowance = (await request.BucketGrain.BeginPut(request.Caller, request.Key, payload.Length)).OrThrow();
        var staging = request.Http.RequestServices.GetService<ObjectStaging>();
        var stored = staging is null
            ? await StoreThroughSiloAsync(request, payload, condition)
            : await StageAndPublishAsync(request, payload, staging, allowance, condition);
        request.Http.Response.Headers.ETag = S3Format.QuoteETag(stored.ETag);
        StoredHeaders.WriteChecksums(request.Http.Response, stored.Headers);
        request.Status(StatusCodes.Status200OK);
    }

    private static async Task<ObjectInfo> StageAndPublishAsync(
        S3Request request, S3Payload payload, ObjectStaging staging, PutAllowance allowance, WriteCondition condition)
    {
        var staged = await payload.StageAsync(staging, allowance.MaxBytes, request.Aborted);
        try
        {
            return (await request.BucketGrain.PublishStaged(request.Caller, request.Key, staged, PropertiesOf(request.Http.Request, payload), condition)).OrThrow();
        }
        finally
        {
            // Published, the file has moved and this does nothing; refused or failed, the staged bytes go.
            staging.Delete(staged.RelativePath);
        }
    }

    private static async Task<ObjectInfo> StoreThroughSiloAsync(S3Request request, S3Payload payload, WriteCondition condition)
    {
        var sealedObject = (await payload.StoreAsync(request.Cluster, request.Aborted)).OrThrow();
        return (await request.BucketGrain.PutObject(request.Caller, request.Key, sealedObject, PropertiesOf(request.Http.Request, payload), condition)).OrThrow();
    }

    /// <summary>The object's properties with the checksum the body was verified against.</summary>
    private static ObjectProperties PropertiesOf(HttpRequest request, S3Payload payload)
    {
        var properties = PropertiesOf(request);
        return properties with { Headers = StoredHeaders.WithChecksum(properties.Headers, payload) };
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
        var properties = replace ? PropertiesOf(request.Http.Request) : new ObjectProperties(source.ContentType, source.Metadata, source.Headers);
        var stored = (await request.BucketGrain.PutObject(request.Caller, request.Key, sealedObject, properties, condition)).OrThrow();
        await request.WriteXmlAsync(S3Xml.CopyObject(stored.LastModified, stored.ETag));
    }

    public static async Task GetAsync(S3Request request, bool headOnly)
    {
        var files = request.Http.RequestServices.GetRequiredService<PublishedFiles>();
        var (info, file) = await FindAsync(request, files, open: !headOnly && files.Enabled);
        using (file)
        {
            await AnswerAsync(request, info, file, headOnly);
        }
    }

    /// <summary>
    /// The object and, when the gateway reads the storage root itself, its file opened. A file that is gone was deleted
    /// after its object was replaced or deleted, so asking again finds the object that replaced it, or none.
    /// </summary>
    private static async Task<(ObjectInfo Info, SafeFileHandle? File)> FindAsync(S3Request request, PublishedFiles files, bool open)
    {
        for (var attempt = 1; ; attempt++)
        {
            var info = (await request.BucketGrain.GetObject(request.Caller, request.Key)).OrThrow();
            if (!open)
            {
                return (info, null);
            }
            if (files.TryOpen(info.Location) is { } file)
            {
                return (info, file);
            }
            if (attempt == MaxOpenAttempts)
            {
                throw new IOException($"The file of {request.Bucket}/{request.Key} went away {MaxOpenAttempts} times in a row.");
            }
        }
    }

    private static async Task AnswerAsync(S3Request request, ObjectInfo info, SafeFileHandle? file, bool headOnly)
    {
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
        StoredHeaders.Write(response, info.Headers);
        ResponseOverrides.Apply(request.Query, response);
        if (ReadConditions.Evaluate(request.Http.Request, etag, info.LastModified) is { } status)
        {
            if (status == StatusCodes.Status412PreconditionFailed)
            {
                throw new S3Exception(S3ErrorCodes.PreconditionFailed, "At least one of the pre-conditions you specified did not hold");
            }
            request.Status(status);
            return;
        }
        var range = ObjectParts.Requested(request.Query, info, response) ?? ByteRange.Parse(request.Http.Request.Headers.Range, info.Size);
        var (offset, length) = range is { } r ? (r.Start, r.Length) : (0L, info.Size);
        if (range is { } partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = partial.ContentRange(info.Size);
        }
        // A checksum is of the whole object, so a range or a part is answered without it, as S3 does.
        if (range is null && string.Equals(request.Http.Request.Headers["x-amz-checksum-mode"], "ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            StoredHeaders.WriteChecksums(response, info.Headers);
        }
        response.ContentLength = length;
        if (file is not null)
        {
            await PublishedFiles.SendAsync(file, offset, length, response.Body, request.Aborted);
        }
        else if (!headOnly)
        {
            await ObjectStreaming.CopyToAsync(request.Cluster, info.Location, offset, length, response.Body, request.Aborted);
        }
    }

    public static async Task DeleteAsync(S3Request request)
    {
        (await request.BucketGrain.DeleteObject(request.Caller, request.Key)).OrThrow();
        request.Status(StatusCodes.Status204NoContent);
    }

    /// <summary>Content type, x-amz-meta-* and the other headers an object keeps (<see cref="StoredHeaders"/>).</summary>
    public static ObjectProperties PropertiesOf(HttpRequest request)
    {
        var metadata = request.Headers
            .Where(h => h.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key[MetadataPrefix.Length..].ToLowerInvariant(), h => MetadataHeaderValue.Decode(h.Value.ToString()));
        return new ObjectProperties(request.ContentType ?? "binary/octet-stream", metadata, StoredHeaders.Of(request));
    }
}
