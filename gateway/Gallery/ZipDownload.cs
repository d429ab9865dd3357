using System.IO.Compression;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Http.Streams;
using Microsoft.Net.Http.Headers;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// Files as a ZIP written straight into the response as they are read from storage, never whole in memory or on disk
/// (entries stored, not compressed: photos and videos are compressed already).
/// </summary>
internal sealed class ZipDownload(MediaContent[] contents, string fileName, IClusterClient cluster) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "application/zip";
        response.GetTypedHeaders().ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        var cancellation = context.RequestAborted;
        var names = new ZipEntryNames();
        var body = new DeferredWriteStream(response.Body);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellation))
        {
            foreach (var content in contents)
            {
                var entry = zip.CreateEntry(names.Next(content.FileName), CompressionLevel.NoCompression);
                await using var output = await entry.OpenAsync(cancellation);
                await ObjectStreaming.CopyToAsync(cluster, content.Location, 0, content.Size, output, cancellation);
            }
        }
        await body.FlushAsync(cancellation);
    }
}
