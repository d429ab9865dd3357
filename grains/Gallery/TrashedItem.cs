namespace GalleryOrleans.Grains.Gallery;

/// <summary>A media in its owner's trash, as the purge and the emptying walk it (oldest first).</summary>
public sealed record TrashedItem(Guid MediaId, Guid Owner, DateTime TrashedAt);
