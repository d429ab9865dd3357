namespace GalleryOrleans.Abstractions.Gallery;

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

    /// <summary>
    /// Every file of the link for one archive, in the album's order: originals when the link includes them, else the
    /// copies without location and device metadata (a file that has no such copy is left out). Files is null when the
    /// album holds more than <paramref name="atMost"/>.
    /// </summary>
    Task<SharedFiles> Files(string? session, int atMost);

    /// <summary>A shared video as browsers play it (see <see cref="IMediaGrain.Playback"/>).</summary>
    Task<SharedMediaContent> Playback(string? session, Guid mediaId);
}
