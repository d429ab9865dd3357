using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>A request's list of media ids: present, not empty, at most a page's worth.</summary>
internal static class MediaIdList
{
    public const int MaxIds = 500;

    public static IResult? Problem(string field, IReadOnlyCollection<Guid>? ids) => ids switch
    {
        null or { Count: 0 } => Problems.Validation(field, "Give at least one media id."),
        { Count: > MaxIds } => Problems.Validation(field, $"At most {MaxIds} media ids at once."),
        _ => null,
    };
}
