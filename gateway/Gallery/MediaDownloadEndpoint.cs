using System.IO.Compression;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;
using GalleryOrleans.Gateway.Http.Streams;
using Microsoft.Net.Http.Headers;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// POST /api/media/download: the caller's originals of the given media, or of one album, as a ZIP written straight
/// into the response (entries stored, not compressed: photos and videos are compressed already). Every media is
/// checked by its grain before the first byte goes out, so a foreign or unknown id is a 404, not half an archive.
/// </summary>
internal static class MediaDownloadEndpoint
{
    public const int MaxItems = 1000;

    public sealed record DownloadBody(Guid[]? Ids, Guid? AlbumId) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            if ((Ids is null) == (AlbumId is null))
            {
                errors.Add("ids", "Send either ids or albumId.");
            }
        }
    }

    public static void MapMediaDownload(this RouteGroupBuilder media) =>
        media.MapPost("/download", DownloadAsync).WithJsonBody<DownloadBody>().Produces(StatusCodes.Status200OK, contentType: "application/zip");

    private static async Task<IResult> DownloadAsync(JsonBody<DownloadBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        var owner = context.User.UserId();
        var ids = body.Ids?.Distinct().ToArray() ?? await AlbumMediaAsync(cluster, owner, body.AlbumId!.Value);
        if (ids is null)
        {
            return Problems.NotFound();
        }
        if (ids.Length is 0 or > MaxItems)
        {
            return Problems.Validation(body.Ids is null ? "albumId" : "ids", $"Download 1 to {MaxItems} media at a time.");
        }
        var contents = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IMediaGrain>(id).Original(owner)));
        if (contents.FirstOrDefault(content => !content.Succeeded) is { } failed)
        {
            return failed.Failure.ToProblem();
        }
        return new ZipResult(contents.Select(content => content.Value!).ToArray(), cluster);
    }

    /// <summary>The album's media ids, at most one more than the limit (enough to refuse); null when the album is not the owner's.</summary>
    private static async Task<Guid[]?> AlbumMediaAsync(IClusterClient cluster, Guid owner, Guid albumId)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await cluster.GetGrain<ILibraryGrain>(owner).ListMedia(new MediaQuery(albumId, false, cursor, 500));
            if (!page.Succeeded)
            {
                return null;
            }
            ids.AddRange(page.Value!.Items.Select(media => media.Id));
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null && ids.Count <= MaxItems);
        return ids.ToArray();
    }

    private sealed class ZipResult(MediaContent[] contents, IClusterClient cluster) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.ContentType = "application/zip";
            response.GetTypedHeaders().ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileNameStar = $"GalleryOrleans-{DateTime.UtcNow:yyyyMMdd-HHmmss}.zip",
            };
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
}
