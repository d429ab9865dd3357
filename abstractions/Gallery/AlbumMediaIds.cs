namespace GalleryOrleans.Abstractions.Gallery;

/// <summary>Every media of an album, for the routes that hand out a whole album at once (its ZIP, a link's ZIP).</summary>
public static class AlbumMediaIds
{
    /// <summary>
    /// The album's media ids in the given order, at most one more than <paramref name="atMost"/> (enough to refuse);
    /// null when the album is not the owner's.
    /// </summary>
    public static async Task<Guid[]?> ListAsync(ILibraryGrain ownersLibrary, Guid albumId, MediaOrder order, int atMost)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await ownersLibrary.ListMedia(new MediaQuery(albumId, false, cursor, 500, order));
            if (!page.Succeeded)
            {
                return null;
            }
            ids.AddRange(page.Value!.Items.Select(media => media.Id));
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null && ids.Count <= atMost);
        return ids.ToArray();
    }
}
