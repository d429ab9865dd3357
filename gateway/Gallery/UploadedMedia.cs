namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// What one upload request has made so far: new media, and earlier photos that a Live Photo motion part of this
/// request joined, so that a failed request can undo both (delete the new, detach the motion from the earlier).
/// </summary>
internal sealed class UploadedMedia
{
    private readonly List<Guid> ids = [];
    private readonly HashSet<Guid> created = [];

    /// <summary>Every media the request answers with, in upload order, each once.</summary>
    public IReadOnlyList<Guid> Ids => ids;

    public IEnumerable<Guid> New => created;

    public IEnumerable<Guid> JoinedEarlier => ids.Where(id => !created.Contains(id));

    /// <param name="newId">The id the file was uploaded as.</param>
    /// <param name="answeredId">The media it became: <paramref name="newId"/>, or the photo it joined as motion part.</param>
    public void Add(Guid newId, Guid answeredId)
    {
        if (newId == answeredId)
        {
            created.Add(newId);
        }
        if (!ids.Contains(answeredId))
        {
            ids.Add(answeredId);
        }
    }
}
