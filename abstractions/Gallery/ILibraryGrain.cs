using Orleans.Concurrency;

namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>
/// One user's library listings, keyed by the user's id: their albums and the newest media held in memory, rebuilt
/// from the catalog on activation and kept current by the grains that write them, so the common reads need no
/// database. Pages beyond what it holds come from the catalog by keyset, exactly as they would without it.
/// </summary>
public interface ILibraryGrain : IGrainWithGuidKey
{
    /// <summary>NotFound when the query names an album that is not this user's.</summary>
    [AlwaysInterleave]
    Task<Result<Page<MediaView>, GalleryFailure>> ListMedia(MediaQuery query);

    /// <summary>
    /// A page of albums as the body of GET /api/albums; without the bytes when <paramref name="heldVersion"/> (the
    /// version of the copy the caller holds, or 0) is still current.
    /// </summary>
    [AlwaysInterleave]
    Task<LibraryPage> AlbumsPage(string? cursor, int limit, long heldVersion);

    /// <summary><see cref="ListMedia"/> as the body of GET /api/media, as <see cref="AlbumsPage"/> answers.</summary>
    [AlwaysInterleave]
    Task<Result<LibraryPage, GalleryFailure>> MediaPage(MediaQuery query, long heldVersion);

    // Update hooks. Each is called by the writing grain after its catalog write, and awaited, so the writer's next
    // read (from any gateway, any silo) sees the change.

    /// <summary>A media of this user was added or changed (name, favourite, playback, ...).</summary>
    Task MediaSaved(MediaView media);

    /// <summary>A media of this user left the library; <paramref name="albumIds"/> are the albums it was in.</summary>
    Task MediaRemoved(Guid mediaId, IReadOnlyList<Guid> albumIds);

    /// <summary>An album of this user was created or changed (name, type).</summary>
    Task AlbumSaved(AlbumView album);

    /// <summary>An album of this user was deleted; its media stay.</summary>
    Task AlbumRemoved(Guid albumId);

    /// <summary>A media was added to (<paramref name="isMember"/>) or removed from an album of this user.</summary>
    Task AlbumMembershipChanged(Guid albumId, Guid mediaId, bool isMember);
}
