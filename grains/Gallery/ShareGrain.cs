using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Auth;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Failures;

namespace GalleryOrleans.Grains.Gallery;

public sealed class ShareGrain(
    [PersistentState("sharecodes")] IPersistentState<WrongCodeLog> wrongCodesOnLink,
    ShareCatalog catalog,
    ShareViews views,
    ShareSessions sessions,
    PasswordHasher codes,
    TimeProvider clock) : Grain, IShareGrain
{
    private const int MaxWrongCodes = 5;
    private static readonly TimeSpan WrongCodeWindow = TimeSpan.FromMinutes(15);
    private readonly Dictionary<string, List<DateTime>> wrongCodes = [];
    private ShareRecord? share;

    private byte[] TokenHash => Convert.FromHexString(this.GetPrimaryKeyString());
    private DateTime Now => CatalogTime.Now(clock);

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        BoundaryExceptions.TranslateAsync(async () => share = await catalog.FindAsync(TokenHash));

    public async Task<Result<ShareView, GalleryFailure>> Create(Guid owner, string token, NewShare request)
    {
        if (share is not null || !Convert.ToHexStringLower(ShareTokens.Hash(token)).Equals(this.GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A share grain is created once, by the holder of its token.");
        }
        var target = request.AlbumId is { } albumId
            ? (await GrainFactory.GetGrain<IAlbumGrain>(albumId).Get(owner)).Succeeded
            : (await GrainFactory.GetGrain<IMediaGrain>(request.MediaId!.Value).Get(owner)).Succeeded;
        if (!target)
        {
            return Result<ShareView, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        var created = new ShareRecord(TokenHash, owner, views.Protect(token), request.AlbumId, request.MediaId, request.ExpiresAt,
            request.AccessCode is { } code ? await codes.HashAsync(code) : null, request.RecipientName, false, 0, Now, request.IncludeOriginals);
        await catalog.InsertAsync(created);
        share = created;
        return Result<ShareView, GalleryFailure>.Ok(views.View(created, Now));
    }

    public async Task<Result<ShareView, GalleryFailure>> Update(Guid owner, ShareChange change)
    {
        if (Owned(owner) is not { } mine)
        {
            return Result<ShareView, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        var codeHash = change.RemoveCode ? null : change.AccessCode is { } code ? await codes.HashAsync(code) : mine.CodeHash;
        share = mine with
        {
            ExpiresAt = change.ClearExpiry ? null : change.ExpiresAt ?? mine.ExpiresAt,
            CodeHash = codeHash,
            IncludeOriginals = change.IncludeOriginals ?? mine.IncludeOriginals,
        };
        await catalog.UpdateAsync(share);
        if (codeHash != mine.CodeHash)
        {
            await ForgetWrongCodesAsync();
        }
        return Result<ShareView, GalleryFailure>.Ok(views.View(share, Now));
    }

    public async Task<GalleryFailure> Revoke(Guid owner)
    {
        if (Owned(owner) is not { } mine)
        {
            return GalleryFailure.NotFound;
        }
        share = mine with { Revoked = true };
        await catalog.UpdateAsync(share);
        await ForgetWrongCodesAsync();
        return GalleryFailure.None;
    }

    public async Task<SharedContent> Open(string? session, string? cursor, int limit)
    {
        var access = Access(session);
        if (access != ShareAccess.Granted)
        {
            return new SharedContent(access, share?.Kind, share?.ExpiresAt, share?.CodeHash is not null, null, null);
        }
        var current = share!;
        share = current with { ViewCount = current.ViewCount + 1 };
        await catalog.UpdateAsync(share);
        if (current.AlbumId is { } albumId)
        {
            var album = await GrainFactory.GetGrain<IAlbumGrain>(albumId).Get(current.OwnerId);
            var order = AlbumSorts.Order(album.Value?.Sort ?? AlbumSorts.Added);
            var items = await GrainFactory.GetGrain<ILibraryGrain>(current.OwnerId).ListMedia(new MediaQuery(albumId, false, cursor, limit, order));
            return new SharedContent(ShareAccess.Granted, current.Kind, current.ExpiresAt, current.CodeHash is not null, ForVisitor(album.Value),
                items.Value is { } page ? new Page<SharedMediaView>([.. page.Items.Select(ForVisitor)], page.NextCursor) : null);
        }
        var media = await GrainFactory.GetGrain<IMediaGrain>(current.MediaId!.Value).Get(current.OwnerId);
        return new SharedContent(ShareAccess.Granted, current.Kind, current.ExpiresAt, current.CodeHash is not null, null,
            new Page<SharedMediaView>(media.Succeeded ? [ForVisitor(media.Value!)] : [], null));
    }

    public async Task<SharedFiles> Files(string? session, int atMost)
    {
        var access = Access(session);
        if (access != ShareAccess.Granted)
        {
            return new SharedFiles(access, null, null);
        }
        var current = share!;
        string title;
        Guid[] ids;
        if (current.AlbumId is { } albumId)
        {
            var album = await GrainFactory.GetGrain<IAlbumGrain>(albumId).Get(current.OwnerId);
            var listed = album.Value is { } found
                ? await AlbumMediaIds.ListAsync(GrainFactory.GetGrain<ILibraryGrain>(current.OwnerId), albumId, AlbumSorts.Order(found.Sort), atMost)
                : null;
            if (listed is null)
            {
                return new SharedFiles(ShareAccess.NotFound, null, null);
            }
            (title, ids) = (album.Value!.Name, listed);
        }
        else
        {
            (title, ids) = ("Shared photo", [current.MediaId!.Value]);
        }
        if (ids.Length > atMost)
        {
            return new SharedFiles(ShareAccess.Granted, title, null);
        }
        var files = await Task.WhenAll(ids.Select(id =>
        {
            var media = GrainFactory.GetGrain<IMediaGrain>(id);
            return current.IncludeOriginals ? media.Original(current.OwnerId) : media.SharedCopy(current.OwnerId);
        }));
        return new SharedFiles(ShareAccess.Granted, title, [.. files.Where(file => file.Succeeded).Select(file => file.Value!)]);
    }

    /// <summary>A link holder sees the pictures, not where they were taken or with what, nor how the owner files them.</summary>
    private static SharedMediaView ForVisitor(MediaView media) =>
        new(media.Id, media.Name, media.Type, media.ContentType, media.SizeBytes, media.Width, media.Height, media.TakenAt, media.CreatedAt,
            media.DurationMs, media.VideoCodec, media.Playback, media.Motion);

    private static SharedAlbumView? ForVisitor(AlbumView? album) =>
        album is null ? null : new(album.Name, album.Type, album.MediaCount, album.CoverMediaId);

    public async Task<ShareSession> Unlock(string code, string client, string? session)
    {
        var access = Access(session: null);
        if (access is ShareAccess.NotFound or ShareAccess.Expired)
        {
            return new ShareSession(access, null, null, null);
        }
        if (share!.CodeHash is not { } codeHash)
        {
            return new ShareSession(ShareAccess.Granted, null, null, null);
        }
        var failures = RecentFailures(client);
        if (failures.Count >= MaxWrongCodes)
        {
            return new ShareSession(ShareAccess.LockedOut, null, null, failures[0] + WrongCodeWindow - Now);
        }
        // Someone already let in keeps their way in while strangers' guesses have closed the link.
        if (!sessions.IsValid(session, share.TokenHash, codeHash) && wrongCodesOnLink.State.LockedFor(Now) is { } lockedFor)
        {
            return new ShareSession(ShareAccess.LockedOut, null, null, lockedFor);
        }
        if (!await codes.VerifyAsync(code, codeHash))
        {
            failures.Add(Now);
            wrongCodesOnLink.State.Add(Now);
            await wrongCodesOnLink.WriteStateAsync();
            return new ShareSession(ShareAccess.WrongCode, null, null, null);
        }
        var (issued, expiresAt) = sessions.Issue(share.TokenHash, codeHash);
        return new ShareSession(ShareAccess.Granted, issued, expiresAt, null);
    }

    public Task<SharedMediaContent> Content(string? session, Guid mediaId, int? thumbnailSize) =>
        SharedAsync(session, mediaId, async (media, link) => thumbnailSize is { } size ? await media.Thumbnail(link.OwnerId, size)
            : link.IncludeOriginals ? await media.Original(link.OwnerId)
            : await media.SharedCopy(link.OwnerId));

    // A link without originals plays what carries no position or device: the rendition, or a copy without metadata.
    public Task<SharedMediaContent> Playback(string? session, Guid mediaId) =>
        SharedAsync(session, mediaId, (media, link) => link.IncludeOriginals ? media.Playback(link.OwnerId) : media.VisitorPlayback(link.OwnerId));

    private async Task<SharedMediaContent> SharedAsync(
        string? session, Guid mediaId, Func<IMediaGrain, ShareRecord, Task<Result<MediaContent, GalleryFailure>>> read)
    {
        var access = Access(session);
        if (access != ShareAccess.Granted)
        {
            return new SharedMediaContent(access, null);
        }
        var current = share!;
        var shown = current.AlbumId is { } albumId ? await catalog.AlbumHoldsAsync(albumId, mediaId) : current.MediaId == mediaId;
        if (!shown)
        {
            return new SharedMediaContent(ShareAccess.NotFound, null);
        }
        var content = await read(GrainFactory.GetGrain<IMediaGrain>(mediaId), current);
        return new SharedMediaContent(content switch
        {
            { Succeeded: true } => ShareAccess.Granted,
            { Failure: GalleryFailure.UnsupportedMedia } => ShareAccess.OriginalNotIncluded,
            { Failure: GalleryFailure.NotReady } => ShareAccess.NotReady,
            _ => ShareAccess.NotFound,
        }, content.Value);
    }

    private ShareAccess Access(string? session) => share switch
    {
        null or { Revoked: true } => ShareAccess.NotFound,
        var s when s.IsExpired(Now) => ShareAccess.Expired,
        { CodeHash: { } codeHash } s when !sessions.IsValid(session, s.TokenHash, codeHash) => ShareAccess.CodeRequired,
        _ => ShareAccess.Granted,
    };

    private async Task ForgetWrongCodesAsync()
    {
        wrongCodes.Clear();
        if (wrongCodesOnLink.RecordExists)
        {
            await wrongCodesOnLink.ClearStateAsync();
        }
    }

    private ShareRecord? Owned(Guid owner) => share is { Revoked: false } s && s.OwnerId == owner ? s : null;

    private List<DateTime> RecentFailures(string client)
    {
        if (!wrongCodes.TryGetValue(client, out var failures))
        {
            wrongCodes[client] = failures = [];
        }
        failures.RemoveAll(at => at <= Now - WrongCodeWindow);
        return failures;
    }
}
