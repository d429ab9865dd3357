namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>One user's trash, keyed by the user id: what they deleted, until they restore it or it is emptied or purged.</summary>
public interface ITrashGrain : IGrainWithGuidKey
{
    /// <summary>Trashed media, most recently trashed first, each with its <see cref="MediaView.TrashedAt"/>.</summary>
    Task<Page<MediaView>> List(string? cursor, int limit);

    /// <summary>Restores these media; NotFound, restoring none, when any of them is not in this user's trash.</summary>
    Task<GalleryFailure> Restore(IReadOnlyList<Guid> mediaIds);

    /// <summary>Deletes everything in the trash for good; answers how many media went.</summary>
    Task<int> Empty();
}
