namespace GalleryOrleans.Abstractions.Gallery;

[GenerateSerializer, Immutable]
public sealed record ShareView(
    [property: Id(0)] string Token,
    [property: Id(1)] string Url,
    [property: Id(2)] string Kind,
    [property: Id(3)] Guid? AlbumId,
    [property: Id(4)] Guid? MediaId,
    [property: Id(5)] DateTime? ExpiresAt,
    [property: Id(6)] bool HasCode,
    [property: Id(7)] string? RecipientName,
    [property: Id(8)] string Status,
    [property: Id(9)] long ViewCount,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] bool IncludeOriginals);

[GenerateSerializer, Immutable]
public sealed record NewShare(
    [property: Id(0)] Guid? AlbumId,
    [property: Id(1)] Guid? MediaId,
    [property: Id(2)] DateTime? ExpiresAt,
    [property: Id(3)] string? AccessCode,
    [property: Id(4)] string? RecipientName,
    [property: Id(5)] bool IncludeOriginals);

/// <summary>PATCH of a share: a null field stays; <see cref="RemoveCode"/> drops the access code.</summary>
[GenerateSerializer, Immutable]
public sealed record ShareChange(
    [property: Id(0)] DateTime? ExpiresAt,
    [property: Id(1)] bool ClearExpiry,
    [property: Id(2)] string? AccessCode,
    [property: Id(3)] bool RemoveCode);

public enum ShareAccess
{
    Granted,
    NotFound,
    Expired,
    CodeRequired,
    WrongCode,
    LockedOut,
    OriginalNotIncluded,

    /// <summary>The shared video's browser rendition is not made yet.</summary>
    NotReady,
}

/// <summary>A media as a link holder sees it: no albums, favourite flag, hash, camera or position.</summary>
[GenerateSerializer, Immutable]
public sealed record SharedMediaView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Type,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long SizeBytes,
    [property: Id(5)] int? Width,
    [property: Id(6)] int? Height,
    [property: Id(7)] DateTime? TakenAt,
    [property: Id(8)] DateTime CreatedAt);

/// <summary>An album as a link holder sees it: not its id, which is the owner's.</summary>
[GenerateSerializer, Immutable]
public sealed record SharedAlbumView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] int MediaCount,
    [property: Id(3)] Guid? CoverMediaId);

/// <summary>What a link holder sees: the share, the album if any, and a page of its current media.</summary>
[GenerateSerializer, Immutable]
public sealed record SharedContent(
    [property: Id(0)] ShareAccess Access,
    [property: Id(1)] string? Kind,
    [property: Id(2)] DateTime? ExpiresAt,
    [property: Id(3)] bool HasCode,
    [property: Id(4)] SharedAlbumView? Album,
    [property: Id(5)] Page<SharedMediaView>? Items);

[GenerateSerializer, Immutable]
public sealed record ShareSession(
    [property: Id(0)] ShareAccess Access,
    [property: Id(1)] string? Session,
    [property: Id(2)] DateTime? ExpiresAt,
    [property: Id(3)] TimeSpan? RetryAfter);

[GenerateSerializer, Immutable]
public sealed record SharedMediaContent([property: Id(0)] ShareAccess Access, [property: Id(1)] MediaContent? Content);

/// <summary>
/// One share link, keyed by the SHA-256 (hex) of its token, so the token itself is never a grain key.
/// The owner manages it; link holders open it (with a share session when a code is set) and can read
/// only the album's current media or the one media, never change anything.
/// </summary>
public interface IShareGrain : IGrainWithStringKey
{
    Task<Result<ShareView, GalleryFailure>> Create(Guid owner, string token, NewShare share);

    Task<Result<ShareView, GalleryFailure>> Update(Guid owner, ShareChange change);

    Task<GalleryFailure> Revoke(Guid owner);

    Task<SharedContent> Open(string? session, string? cursor, int limit);

    /// <summary>
    /// Checks an access code given by <paramref name="client"/>. Wrong codes are limited per client and per link;
    /// a caller holding a valid <paramref name="session"/> is not shut out by other clients' guesses.
    /// </summary>
    Task<ShareSession> Unlock(string code, string client, string? session);

    /// <summary>
    /// The thumbnail nearest <paramref name="thumbnailSize"/> of a media the link shows, or without a size its file:
    /// the original if the link includes originals, else the copy without location and device metadata.
    /// </summary>
    Task<SharedMediaContent> Content(string? session, Guid mediaId, int? thumbnailSize);

    /// <summary>A shared video as browsers play it (see <see cref="IMediaGrain.Playback"/>).</summary>
    Task<SharedMediaContent> Playback(string? session, Guid mediaId);
}
