using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

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
        var ids = body.Ids?.Distinct().ToArray() ?? await AlbumMediaIds.ListAsync(cluster.GetGrain<ILibraryGrain>(owner), body.AlbumId!.Value, MediaOrder.Uploaded, MaxItems);
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
        return new ZipDownload(contents.Select(content => content.Value!).ToArray(), $"GalleryOrleans-{DateTime.UtcNow:yyyyMMdd-HHmmss}.zip", cluster);
    }
}
