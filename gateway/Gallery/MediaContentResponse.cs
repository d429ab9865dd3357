using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Http;
using GalleryOrleans.Gateway.Http.Streams;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;
using Microsoft.Net.Http.Headers;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// Streams a media's original or thumbnail: ETag and If-None-Match (304), a single Range (206 or 416),
/// Content-Type and Content-Disposition. Shared by the owner's routes and the public share routes.
/// </summary>
internal sealed class MediaContentResponse(MediaContent content, IClusterClient cluster) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var etag = new EntityTagHeaderValue($"\"{content.ETag}\"");
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = content.FileName };
        headers.CacheControl = new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromHours(1) };
        response.Headers.AcceptRanges = "bytes";
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        ByteRange? range;
        try
        {
            range = ByteRange.Parse(request.Headers.Range, content.Size);
        }
        catch (S3Exception)
        {
            response.Headers.ContentRange = $"bytes */{content.Size}";
            await Results.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "Range not satisfiable").ExecuteAsync(context);
            return;
        }
        var (offset, length) = range is { } r ? (r.Start, r.Length) : (0L, content.Size);
        if (range is { } partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = partial.ContentRange(content.Size);
        }
        response.ContentType = content.ContentType;
        response.ContentLength = length;
        if (!context.IsHead())
        {
            await ObjectStreaming.CopyToAsync(cluster, content.Location, offset, length, response.Body, context.RequestAborted);
        }
    }
}
