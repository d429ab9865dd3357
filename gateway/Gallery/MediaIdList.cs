using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>A request's list of media ids: present, not empty, at most a page's worth.</summary>
internal static class MediaIdList
{
    public const int MaxIds = 500;

    public static void Validate(FieldErrors errors, string field, IReadOnlyCollection<Guid>? ids)
    {
        switch (ids)
        {
            case null or { Count: 0 }:
                errors.Add(field, "Give at least one media id.");
                break;
            case { Count: > MaxIds }:
                errors.Add(field, $"At most {MaxIds} media ids at once.");
                break;
        }
    }
}
