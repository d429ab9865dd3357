namespace GalleryOrleans.Grains.Catalog;

/// <summary>
/// Timestamps for catalog rows. PostgreSQL keeps microseconds; trimming to them here makes what a grain
/// answers equal to what it reads back later, and keeps keyset cursors exact.
/// </summary>
public static class CatalogTime
{
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
