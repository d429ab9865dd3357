using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;
using GalleryOrleans.Gateway.Http.Streams;
using GalleryOrleans.Gateway.Gallery.Sniffing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// POST /api/media/upload (and POST /api/media): each multipart "file" part streams straight to a storage
/// writer, sniffed from its first bytes. A Live Photo's motion part joins its photo (uploaded in this request or
/// before) instead of becoming a media. The request is all or nothing: if any file is refused, or the album is not
/// the caller's, the media already made by this request are deleted again and the motion parts it added removed, while
/// a video of an earlier request that a photo of this one took over becomes a media of its own again.
/// </summary>
internal static class MediaUploadEndpoint
{
    private const int SniffBytes = 64;
    private const long MaxUploadBytes = 10L * 1024 * 1024 * 1024;

    public static void MapMediaUpload(this RouteGroupBuilder media)
    {
        media.MapPost("/upload", UploadAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        media.MapPost("", UploadAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
    }

    private static async Task<IResult> UploadAsync(HttpContext context, IClusterClient cluster)
    {
        var boundary = MultipartBoundary(context.Request);
        if (boundary is null)
        {
            return Problems.Validation("file", "Send multipart/form-data with one or more 'file' parts.");
        }
        var owner = context.User.UserId();
        var uploaded = new UploadedMedia();
        Guid? albumId = null;
        var reader = new MultipartReader(boundary, context.Request.Body);
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (++parts > UploadLimits.MaxParts)
                {
                    return await UndoAsync(cluster, owner, uploaded, UploadLimits.TooManyParts());
                }
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    if (await UploadLimits.ReadFieldAsync(section, context.RequestAborted) is not { } value)
                    {
                        return await UndoAsync(cluster, owner, uploaded, UploadLimits.FieldTooLarge());
                    }
                    if (disposition is not null && disposition.IsFormDisposition() && disposition.Name.Value == "albumId")
                    {
                        albumId = Guid.TryParse(value, out var id) ? id : Guid.Empty;
                    }
                    continue;
                }
                var newId = Guid.NewGuid();
                var stored = await StoreFileAsync(cluster, owner, newId, section, disposition, context.RequestAborted);
                if (!stored.Succeeded)
                {
                    return await UndoAsync(cluster, owner, uploaded, stored.Failure.ToProblem(stored.Detail));
                }
                uploaded.Add(newId, stored.Value!.Id);
            }
            if (uploaded.Ids.Count == 0)
            {
                return Problems.Validation("file", "At least one 'file' part is required.");
            }
            if (albumId is { } album && !await AddToAlbumAsync(cluster, owner, album, uploaded))
            {
                return await UndoAsync(cluster, owner, uploaded, Problems.NotFound("No such album"));
            }
            var items = new List<MediaView>();
            foreach (var id in uploaded.Ids)
            {
                items.Add((await cluster.GetGrain<IMediaGrain>(id).Get(owner)).Value!);
            }
            return Results.Created("/api/media", new { items });
        }
        catch (Exception error) when (UploadLimits.ProblemForBody(error) is { } problem)
        {
            return await UndoAsync(cluster, owner, uploaded, problem);
        }
        catch
        {
            await UndoAsync(cluster, owner, uploaded, Results.Empty);
            throw;
        }
    }

    private static async Task<Result<MediaView, GalleryFailure>> StoreFileAsync(
        IClusterClient cluster, Guid owner, Guid newId, MultipartSection section, ContentDispositionHeaderValue disposition, CancellationToken cancellationToken)
    {
        var head = new byte[SniffBytes];
        var headLength = await section.Body.ReadAtLeastAsync(head, SniffBytes, throwOnEndOfStream: false, cancellationToken);
        if (MediaSniffer.Sniff(head.AsSpan(0, headLength)) is not { } sniffed)
        {
            return Result<MediaView, GalleryFailure>.Fail(GalleryFailure.UnsupportedMedia,
                $"'{FileName(disposition)}' is not an image or video this gallery can read.");
        }
        var body = new PrefixedStream(head.AsMemory(0, headLength), section.Body);
        var sealedObject = await ObjectStreaming.WriteAsync(cluster, body, null, null, cancellationToken);
        var upload = new MediaUpload(sealedObject.Value!, FileName(disposition), sniffed.Kind == MediaKind.Image ? "image" : "video", sniffed.ContentType, null);
        return await cluster.GetGrain<IMediaGrain>(newId).Create(owner, upload);
    }

    private static async Task<bool> AddToAlbumAsync(IClusterClient cluster, Guid owner, Guid albumId, UploadedMedia uploaded)
    {
        var album = cluster.GetGrain<IAlbumGrain>(albumId);
        foreach (var id in uploaded.Ids)
        {
            if (await album.AddMedia(owner, id) != GalleryFailure.None)
            {
                return false;
            }
        }
        return true;
    }

    private static async Task<IResult> UndoAsync(IClusterClient cluster, Guid owner, UploadedMedia uploaded, IResult answer)
    {
        // Never seen by the user, so not kept in their trash; a video of an earlier request that one of these photos
        // took over as its motion part is given back.
        var made = uploaded.New.ToList();
        foreach (var id in made)
        {
            await cluster.GetGrain<IMediaGrain>(id).Discard(owner, made);
        }
        foreach (var id in uploaded.JoinedEarlier)
        {
            await cluster.GetGrain<IMediaGrain>(id).DetachMotion(owner);
        }
        return answer;
    }

    private static string FileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        name = Path.GetFileName(name ?? "").Trim();
        return name.Length is > 0 and <= 255 ? name : "upload";
    }

    private static string? MultipartBoundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }
}
