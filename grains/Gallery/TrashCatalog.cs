using System.Text.Json;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// The SQL behind the trash (table media_trash, see migration 0042): moving a media's rows in and back out, the owner's
/// listing, and what is due for purging. Only a media's own grain moves its rows.
/// </summary>
public sealed class TrashCatalog(CatalogDatabase database)
{
    private const string TrashedColumns = $"{GalleryCatalog.MediaRowColumns}, t.albums, {GalleryCatalog.MediaTailColumns}, t.trashed_at";
    private const string TrashedRows = "media_trash t CROSS JOIN LATERAL jsonb_populate_record(null::media, t.media) m";

    // Groups losing the photo shrink; one left with a single photo is no group any more. Dismissed groups keep their
    // member key, so a restored photo does not bring a dismissed set back.
    private static readonly string[] MoveIn =
    [
        """
        INSERT INTO media_trash (media_id, owner_id, trashed_at, media, albums, shares, embedding)
        SELECT m.id, m.owner_id, $2, to_jsonb(m),
               ARRAY(SELECT am.album_id FROM album_media am WHERE am.media_id = m.id),
               coalesce((SELECT jsonb_agg(to_jsonb(s)) FROM share_link s WHERE s.media_id = m.id), '[]'::jsonb),
               (SELECT to_jsonb(e) FROM media_embedding e WHERE e.media_id = m.id)
        FROM media m WHERE m.id = $1 AND m.owner_id = $3
        """,
        "UPDATE similar_group SET size = size - 1 WHERE NOT dismissed AND id IN (SELECT group_id FROM similar_media WHERE media_id = $1)",
        "DELETE FROM media WHERE id = $1",
        "DELETE FROM similar_group WHERE owner_id = $3 AND NOT dismissed AND size < 2",
    ];

    // Albums deleted meanwhile are left out; share links come back as they were (revoked ones stay revoked).
    private static readonly string[] MoveOut =
    [
        $"INSERT INTO media SELECT m.* FROM {TrashedRows} WHERE t.media_id = $1 AND t.owner_id = $3",
        """
        INSERT INTO album_media (album_id, media_id, media_created_at)
        SELECT a.id, t.media_id, (t.media->>'created_at')::timestamptz
        FROM media_trash t JOIN album a ON a.id = ANY(t.albums) AND a.owner_id = t.owner_id WHERE t.media_id = $1
        ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO share_link SELECT s.* FROM media_trash t CROSS JOIN LATERAL jsonb_populate_recordset(null::share_link, t.shares) s
        WHERE t.media_id = $1 ON CONFLICT DO NOTHING
        """,
        """
        INSERT INTO media_embedding SELECT e.* FROM media_trash t CROSS JOIN LATERAL jsonb_populate_record(null::media_embedding, t.embedding) e
        WHERE t.media_id = $1 AND t.embedding IS NOT NULL ON CONFLICT DO NOTHING
        """,
        "DELETE FROM media_trash WHERE media_id = $1",
    ];

    /// <summary>Moves the owner's media into the trash in one transaction; false when it is not in the library.</summary>
    public Task<bool> MoveToTrashAsync(Guid mediaId, Guid owner, DateTime now) => RunAsync(MoveIn, mediaId, now, owner);

    /// <summary>Puts the owner's trashed media back in one transaction; false when it is not in their trash.</summary>
    public Task<bool> RestoreAsync(Guid mediaId, Guid owner) => RunAsync(MoveOut, mediaId, DateTime.UnixEpoch, owner);

    /// <summary>The trashed media (with the albums it was in) and when it was trashed.</summary>
    public Task<(MediaRecord Media, DateTime TrashedAt)?> FindAsync(Guid mediaId) => database.QueryFirstOrDefaultAsync(
        $"SELECT {TrashedColumns} FROM {TrashedRows} WHERE t.media_id = $1",
        reader => ((MediaRecord, DateTime)?)(GalleryCatalog.ReadMedia(reader), reader.GetDateTime(GalleryCatalog.MediaColumnCount)), mediaId);

    /// <summary>Removes the trash row (trashed before the given time, when one is given); the stored files it named, or null.</summary>
    public async Task<MediaDetails?> DeleteAsync(Guid mediaId, Guid owner, DateTime? trashedBefore) => await database.ScalarAsync("""
        DELETE FROM media_trash WHERE media_id = $1 AND owner_id = $2 AND ($3::timestamptz IS NULL OR trashed_at <= $3)
        RETURNING media->>'details'
        """, mediaId, owner, CatalogDatabase.Nullable(trashedBefore, NpgsqlDbType.TimestampTz)) is string details
        ? JsonSerializer.Deserialize<MediaDetails>(details)
        : null;

    /// <summary>The owner's trash, most recently trashed first.</summary>
    public async Task<Page<MediaView>> ListAsync(Guid owner, GalleryCursor? after, int limit)
    {
        var items = await database.QueryAsync($"""
            SELECT {TrashedColumns} FROM {TrashedRows}
            WHERE t.owner_id = $1 AND ($2::timestamptz IS NULL OR (t.trashed_at, t.media_id) < ($2, $3))
            ORDER BY t.trashed_at DESC, t.media_id DESC LIMIT $4
            """, ReadTrashed, [owner, .. GalleryCatalog.Cursor(after), limit + 1]);
        return GalleryCatalog.ToPage(items, limit, m => new GalleryCursor(m.TrashedAt!.Value, m.Id));
    }

    /// <summary>Which of these media are in the owner's trash.</summary>
    public async Task<HashSet<Guid>> HeldAsync(Guid owner, IReadOnlyCollection<Guid> mediaIds) =>
        (await database.QueryAsync("SELECT media_id FROM media_trash WHERE owner_id = $1 AND media_id = ANY($2)", reader => reader.GetGuid(0), owner, mediaIds.ToArray()))
            .ToHashSet();

    /// <summary>
    /// Hands the media (of one owner, or of everyone) trashed at or before the cutoff to <paramref name="batchAction"/>, oldest
    /// first, a batch at a time; answers the sum of what it answered (how many it deleted).
    /// </summary>
    public async Task<int> ForEachTrashedBeforeAsync(Guid? owner, DateTime cutoff, Func<IReadOnlyList<TrashedItem>, Task<int>> batchAction)
    {
        const int BatchSize = 100;
        var done = 0;
        List<TrashedItem> batch;
        TrashedItem? after = null;
        do
        {
            batch = await ListTrashedBeforeAsync(owner, cutoff, after, BatchSize);
            done += await batchAction(batch);
            after = batch.LastOrDefault();
        }
        while (batch.Count == BatchSize);
        return done;
    }

    private Task<List<TrashedItem>> ListTrashedBeforeAsync(Guid? owner, DateTime cutoff, TrashedItem? after, int limit) => database.QueryAsync("""
        SELECT media_id, owner_id, trashed_at FROM media_trash
        WHERE ($1::uuid IS NULL OR owner_id = $1) AND trashed_at <= $2
          AND ($3::timestamptz IS NULL OR (trashed_at, media_id) > ($3, $4))
        ORDER BY trashed_at, media_id LIMIT $5
        """,
        reader => new TrashedItem(reader.GetGuid(0), reader.GetGuid(1), reader.GetDateTime(2)),
        CatalogDatabase.Nullable(owner, NpgsqlDbType.Uuid), cutoff, CatalogDatabase.Nullable(after?.TrashedAt, NpgsqlDbType.TimestampTz),
        CatalogDatabase.Nullable(after?.MediaId, NpgsqlDbType.Uuid), limit);

    private static MediaView ReadTrashed(NpgsqlDataReader reader)
    {
        var media = GalleryCatalog.ReadMedia(reader);
        return media.ToView(media.AlbumIds) with { TrashedAt = reader.GetDateTime(GalleryCatalog.MediaColumnCount) };
    }

    /// <summary>Runs the statements ($1 media id, $2 time, $3 owner) in one transaction; false, changing nothing, when the first touches no row.</summary>
    private Task<bool> RunAsync(string[] statements, Guid mediaId, DateTime at, Guid owner) => database.InTransactionAsync(async transaction =>
    {
        for (var i = 0; i < statements.Length; i++)
        {
            if (await transaction.ExecuteAsync(statements[i], mediaId, at, owner) == 0 && i == 0)
            {
                await transaction.RollbackAsync();
                return false;
            }
        }
        return true;
    });
}
