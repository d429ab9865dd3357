namespace GalleryOrleans.Grains.Gallery;

/// <summary>A share link's catalog row.</summary>
public sealed record ShareRecord(
    byte[] TokenHash,
    Guid OwnerId,
    byte[] TokenEncrypted,
    Guid? AlbumId,
    Guid? MediaId,
    DateTime? ExpiresAt,
    string? CodeHash,
    string? RecipientName,
    bool Revoked,
    long ViewCount,
    DateTime CreatedAt,
    bool IncludeOriginals)
{
    public string Kind => AlbumId is null ? "media" : "album";

    public bool IsExpired(DateTime now) => ExpiresAt is { } expiry && expiry <= now;
}
