using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// Records the objects a bucket grain received while its previous commit was in flight, as one catalog
/// transaction. Each write is judged in arrival order against what the ones before it left (conditions, quota), so
/// a refusal fails only its own write; the accepted files are moved into place side by side, each flushed with its
/// folder, before the rows commit, so a row never names a missing file and nothing is answered before it is durable.
/// </summary>
internal static class PutBatch
{
    public static async Task CommitAsync(
        IReadOnlyList<GroupCommit<PendingPut, Result<ObjectInfo, StorageFailure>>.Entry> batch,
        BucketCatalog catalog, StorageLayout layout, RecentObjects recent, string bucket, Guid owner, long? quota, DateTime now)
    {
        await using var writes = await catalog.BeginObjectWritesAsync(bucket, batch.Select(entry => entry.Item.Key).Distinct().ToList());
        var latest = writes.Current.ToDictionary(row => row.Key, row => (row.Value.Size, row.Value.ETag));
        var used = quota is null ? 0 : await writes.StoredBytesOfOwnerAsync(owner);
        var accepted = new List<GroupCommit<PendingPut, Result<ObjectInfo, StorageFailure>>.Entry>();
        var refusals = new List<Task>();
        foreach (var entry in batch)
        {
            var put = entry.Item;
            (long Size, string ETag)? current = latest.TryGetValue(put.Key, out var found) ? found : null;
            var after = used - (current?.Size ?? 0) + put.Size;
            var refused = Refusal(put.Condition, current?.ETag);
            if (refused == StorageFailure.None && quota is { } limit && !put.Condition.OutsideQuota && after > limit)
            {
                refused = StorageFailure.QuotaExceeded;
            }
            if (refused != StorageFailure.None)
            {
                refusals.Add(RefuseAsync(entry, refused));
                continue;
            }
            used = after;
            latest[put.Key] = (put.Size, put.ETag);
            accepted.Add(entry);
        }
        await Task.WhenAll(refusals);

        var placements = await Task.WhenAll(accepted.Select(entry => TryPlaceAsync(entry.Item)));
        var stored = new List<(GroupCommit<PendingPut, Result<ObjectInfo, StorageFailure>>.Entry Entry, ObjectInfo Info)>();
        for (var i = 0; i < accepted.Count; i++)
        {
            if (placements[i] is (ObjectLocation location, null))
            {
                stored.Add((accepted[i], InfoOf(bucket, accepted[i].Item, location, now)));
            }
            else
            {
                accepted[i].Reply.TrySetException(placements[i].Failure!);
            }
        }

        var rows = new Dictionary<string, ObjectInfo>();
        foreach (var (_, info) in stored)
        {
            rows[info.Key] = info;
        }
        foreach (var key in rows.Keys)
        {
            recent.Forget(key);
        }
        try
        {
            await writes.CommitAsync(rows.Values);
        }
        catch
        {
            DeleteFiles(layout, stored.Select(s => s.Info.Location));
            throw;
        }

        // What the new rows replaced: the rows from before the batch, and earlier writes of the same key in it.
        var superseded = stored.Where(s => !ReferenceEquals(rows[s.Info.Key], s.Info)).Select(s => s.Info.Location);
        var replaced = rows.Keys.Select(key => writes.Current.GetValueOrDefault(key)?.Location).OfType<ObjectLocation>();
        DeleteFiles(layout, superseded.Concat(replaced));
        foreach (var row in rows.Values)
        {
            recent.Remember(row);
        }
        foreach (var (entry, info) in stored)
        {
            entry.Reply.TrySetResult(Result<ObjectInfo, StorageFailure>.Ok(info));
        }
    }

    /// <summary>S3's conditional writes against the key's ETag as the writes before this one left it (null: no object).</summary>
    private static StorageFailure Refusal(WriteCondition condition, string? currentETag) => currentETag switch
    {
        not null when condition.IfNoneMatch => StorageFailure.PreconditionFailed,
        null when condition.IfMatchETag is not null => StorageFailure.NoSuchKey,
        not null when condition.IfMatchETag is { } etag && !string.Equals(etag, currentETag, StringComparison.OrdinalIgnoreCase)
            => StorageFailure.PreconditionFailed,
        _ => StorageFailure.None,
    };

    private static async Task RefuseAsync(GroupCommit<PendingPut, Result<ObjectInfo, StorageFailure>>.Entry entry, StorageFailure refused)
    {
        try
        {
            await entry.Item.Discard();
        }
        finally
        {
            entry.Reply.TrySetResult(Result<ObjectInfo, StorageFailure>.Fail(refused));
        }
    }

    /// <summary>Moves one write's file into place; a failure is kept for that write alone.</summary>
    private static async Task<(ObjectLocation? Location, Exception? Failure)> TryPlaceAsync(PendingPut put)
    {
        try
        {
            return (await put.Place(), null);
        }
        catch (Exception error)
        {
            return (null, error);
        }
    }

    private static ObjectInfo InfoOf(string bucket, PendingPut put, ObjectLocation location, DateTime now) =>
        new(bucket, put.Key, put.Size, put.ETag, put.Sha256Hex, put.Properties.ContentType, put.Properties.Metadata, now, location,
            put.Properties.Headers ?? new Dictionary<string, string>(), put.Properties.PartSizes ?? []);

    private static void DeleteFiles(StorageLayout layout, IEnumerable<ObjectLocation> locations)
    {
        foreach (var location in locations)
        {
            File.Delete(layout.PathOf(location));
        }
    }
}
