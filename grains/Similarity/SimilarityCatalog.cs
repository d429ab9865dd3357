using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Imaging.Photos;
using Npgsql;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Grains.Similarity;

/// <summary>The SQL behind a user's similarity grain: hashes in, groups out.</summary>
public sealed class SimilarityCatalog(CatalogDatabase database)
{
    /// <summary>The owner's photos with what grouping needs; a photo not embedded yet has a null embedding.</summary>
    public async Task<List<LibraryPhoto>> LoadLibraryAsync(Guid owner, CancellationToken cancellationToken)
    {
        await using var command = database.Command("""
            SELECT m.id, m.perceptual_hash, e.embedding, coalesce(m.width::bigint * m.height, 0), coalesce(e.sharpness, 0), m.size_bytes, m.created_at
            FROM media m LEFT JOIN media_embedding e ON e.media_id = m.id
            WHERE m.owner_id = $1 AND m.perceptual_hash IS NOT NULL
            """, owner);
        return await command.ReadAllAsync(
            reader => new LibraryPhoto(
                reader.GetGuid(0),
                ImageFingerprint.FromBytes((byte[])reader[1]),
                reader.IsDBNull(2) ? null : PhotoEmbedding.Read((byte[])reader[2]),
                new KeepFacts(reader.GetInt64(3), reader.GetDouble(4), reader.GetInt64(5), reader.GetDateTime(6))),
            cancellationToken);
    }

    /// <summary>The owner's photos (all, or the one given) that have no embedding yet, with their originals' locations.</summary>
    public async Task<List<(Guid Id, ObjectLocation Original)>> UnembeddedAsync(Guid owner, Guid? only, CancellationToken cancellationToken)
    {
        await using var command = database.Command("""
            SELECT m.id, m.details->'Original'->>'Location' FROM media m
            WHERE m.owner_id = $1 AND m.perceptual_hash IS NOT NULL AND ($2::uuid IS NULL OR m.id = $2)
              AND NOT EXISTS (SELECT 1 FROM media_embedding e WHERE e.media_id = m.id)
            """, owner, CatalogDatabase.Nullable(only, NpgsqlTypes.NpgsqlDbType.Uuid));
        return await command.ReadAllAsync(reader => (reader.GetGuid(0), new ObjectLocation(reader.GetString(1))), cancellationToken);
    }

    /// <summary>Records a photo's embedding; a photo deleted in the meantime is left alone.</summary>
    public Task SaveSignalsAsync(Guid mediaId, PhotoSignals signals) => database.ExecuteAsync("""
        INSERT INTO media_embedding (media_id, embedding, sharpness)
        SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM media WHERE id = $1)
        ON CONFLICT (media_id) DO NOTHING
        """, mediaId, signals.Embedding, signals.Sharpness);

    /// <summary>The owner's shown groups that hold any of these photos: their ids and all their members.</summary>
    public async Task<(Guid[] Groups, Guid[] Members)> GroupsHoldingAsync(Guid owner, IReadOnlyCollection<Guid> mediaIds)
    {
        var rows = await database.QueryAsync("""
            SELECT g.id, m.media_id FROM similar_group g JOIN similar_media m ON m.group_id = g.id
            WHERE g.owner_id = $1 AND NOT g.dismissed
              AND g.id IN (SELECT h.group_id FROM similar_media h WHERE h.media_id = ANY($2))
            """, reader => (Group: reader.GetGuid(0), Member: reader.GetGuid(1)), owner, mediaIds.ToArray());
        return ([.. rows.Select(row => row.Group).Distinct()], [.. rows.Select(row => row.Member).Distinct()]);
    }

    /// <summary>
    /// Replaces the owner's shown groups (all, or only those in <paramref name="replacing"/>) with these, leaving out
    /// sets of photos the owner dismissed.
    /// </summary>
    public Task<int> ReplaceGroupsAsync(Guid owner, IReadOnlyList<PhotoGroup> groups, DateTime now, Guid[]? replacing = null) =>
        database.InTransactionAsync(async transaction =>
        {
            var dismissed = (await transaction.QueryAsync(
                "SELECT member_key FROM similar_group WHERE owner_id = $1 AND dismissed", reader => reader.GetString(0), owner)).ToHashSet();
            // A group that comes back with the same photos keeps its id, so a page showing it can still act on it.
            var previousIds = (await transaction.QueryAsync(
                "DELETE FROM similar_group WHERE owner_id = $1 AND NOT dismissed AND ($2::uuid[] IS NULL OR id = ANY($2)) RETURNING member_key, id",
                reader => (Key: reader.GetString(0), Id: reader.GetGuid(1)),
                owner, CatalogDatabase.Nullable(replacing, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid)))
                .ToDictionary(row => row.Key, row => row.Id);
            var inserts = new List<NpgsqlBatchCommand>();
            var kept = 0;
            foreach (var group in groups)
            {
                var key = MemberKey(group.Members.Select(m => m.Id));
                if (dismissed.Contains(key))
                {
                    continue;
                }
                var id = previousIds.TryGetValue(key, out var previous) ? previous : Guid.NewGuid();
                inserts.Add(CatalogQueries.BatchCommand(
                    "INSERT INTO similar_group (id, owner_id, member_key, size, created_at) VALUES ($1, $2, $3, $4, $5)", id, owner, key, group.Members.Count, now));
                inserts.Add(CatalogQueries.BatchCommand(
                    "INSERT INTO similar_media (group_id, media_id, similarity_score, reason, suggested_keep) SELECT $1, unnest($2::uuid[]), unnest($3::float8[]), unnest($4::text[]), unnest($5::bool[])",
                    id, group.Members.Select(m => m.Id).ToArray(), group.Members.Select(m => m.Score).ToArray(),
                    group.Members.Select(m => ReasonName(m.Reason)).ToArray(), group.Members.Select(m => m.SuggestedKeep).ToArray()));
                kept++;
            }
            await transaction.ExecuteBatchAsync(inserts);
            return kept;
        });

    /// <summary>A page of the owner's open groups, largest first ($1 owner, $2 and $3 the cursor, $4 the limit).</summary>
    internal const string GroupPageSql = """
        SELECT g.id, g.created_at, g.size,
               ARRAY(SELECT m.media_id FROM similar_media m WHERE m.group_id = g.id ORDER BY m.similarity_score DESC, m.media_id),
               ARRAY(SELECT m.similarity_score FROM similar_media m WHERE m.group_id = g.id ORDER BY m.similarity_score DESC, m.media_id),
               ARRAY(SELECT m.reason FROM similar_media m WHERE m.group_id = g.id ORDER BY m.similarity_score DESC, m.media_id),
               ARRAY(SELECT m.suggested_keep FROM similar_media m WHERE m.group_id = g.id ORDER BY m.similarity_score DESC, m.media_id)
        FROM similar_group g
        WHERE g.owner_id = $1 AND NOT g.dismissed AND ($2::int IS NULL OR (g.size, g.id) < ($2, $3))
        ORDER BY g.size DESC, g.id DESC LIMIT $4
        """;

    public async Task<Page<SimilarGroupView>> ListGroupsAsync(Guid owner, string? cursor, int limit)
    {
        var after = DecodeCursor(cursor);
        var groups = await database.QueryAsync(GroupPageSql, ReadGroup, owner, CatalogDatabase.Nullable(after?.Size, NpgsqlTypes.NpgsqlDbType.Integer),
            CatalogDatabase.Nullable(after?.Id, NpgsqlTypes.NpgsqlDbType.Uuid), limit + 1);
        var next = groups.Count > limit ? EncodeCursor(groups[limit - 1].Size, groups[limit - 1].View.Id) : null;
        return new Page<SimilarGroupView>(groups.Take(limit).Select(g => g.View).ToList(), next);
    }

    public async Task<bool> DismissAsync(Guid owner, Guid groupId) =>
        await database.ExecuteAsync("UPDATE similar_group SET dismissed = true WHERE id = $1 AND owner_id = $2 AND NOT dismissed", groupId, owner) == 1;

    /// <summary>The photos of one of the owner's shown groups, or null when there is no such group.</summary>
    public async Task<Guid[]?> MembersAsync(Guid owner, Guid groupId) => await database.ScalarAsync("""
        SELECT ARRAY(SELECT m.media_id FROM similar_media m WHERE m.group_id = g.id)
        FROM similar_group g WHERE g.id = $1 AND g.owner_id = $2 AND NOT g.dismissed
        """, groupId, owner) as Guid[];

    /// <summary>
    /// After a resolve, the photos kept from a group stay apart: the group (if trashing the others left it standing) is
    /// dismissed under the kept photos' key.
    /// </summary>
    public Task SettleAsync(Guid owner, Guid groupId, IReadOnlyCollection<Guid> kept) => database.ExecuteAsync(
        "UPDATE similar_group SET dismissed = true, member_key = $3, size = $4 WHERE id = $1 AND owner_id = $2", groupId, owner, MemberKey(kept), kept.Count);

    private static (SimilarGroupView View, int Size) ReadGroup(NpgsqlDataReader reader)
    {
        var ids = reader.GetFieldValue<Guid[]>(3);
        var scores = reader.GetFieldValue<double[]>(4);
        var reasons = reader.GetFieldValue<string[]>(5);
        var keep = reader.GetFieldValue<bool[]>(6);
        var items = ids.Select((id, i) => new SimilarItem(id, scores[i], reasons[i], keep[i])).ToList();
        return (new SimilarGroupView(reader.GetGuid(0), reader.GetDateTime(1), items), reader.GetInt32(2));
    }

    private static string ReasonName(MatchReason reason) => reason == MatchReason.Copy ? "copy" : "burst";

    private static string MemberKey(IEnumerable<Guid> members) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', members.Order().Select(m => m.ToString("N"))))));

    private static string EncodeCursor(int size, Guid id) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{size.ToString(CultureInfo.InvariantCulture)}:{id:N}"));

    private static (int Size, Guid Id)? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 100)
        {
            return null;
        }
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && Guid.TryParseExact(parts[1], "N", out var id) ? (size, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
