using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Imaging;
using Npgsql;

namespace GalleryOrleans.Grains.Similarity;

/// <summary>The SQL behind a user's similarity grain: hashes in, groups out.</summary>
public sealed class SimilarityCatalog(CatalogDatabase database)
{
    public async Task<List<(Guid Id, ImageFingerprint Fingerprint)>> LoadFingerprintsAsync(Guid owner, CancellationToken cancellationToken)
    {
        await using var command = database.Command("SELECT id, perceptual_hash FROM media WHERE owner_id = $1 AND perceptual_hash IS NOT NULL");
        command.Parameters.AddWithValue(owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var photos = new List<(Guid, ImageFingerprint)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            photos.Add((reader.GetGuid(0), ImageFingerprint.FromBytes((byte[])reader[1])));
        }
        return photos;
    }

    /// <summary>Replaces the owner's groups with these, leaving out sets of photos the owner dismissed.</summary>
    public async Task<int> ReplaceGroupsAsync(Guid owner, IReadOnlyList<SimilarGroup<Guid>> groups, DateTime now)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var dismissed = new HashSet<string>();
        await using (var read = new NpgsqlCommand("SELECT member_key FROM similar_group WHERE owner_id = $1 AND dismissed", connection, transaction))
        {
            read.Parameters.AddWithValue(owner);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dismissed.Add(reader.GetString(0));
            }
        }
        await using (var clear = new NpgsqlCommand("DELETE FROM similar_group WHERE owner_id = $1 AND NOT dismissed", connection, transaction))
        {
            clear.Parameters.AddWithValue(owner);
            await clear.ExecuteNonQueryAsync();
        }
        var kept = 0;
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var group in groups)
        {
            var key = MemberKey(group.Members.Select(m => m.Id));
            if (dismissed.Contains(key))
            {
                continue;
            }
            var id = Guid.NewGuid();
            var insertGroup = new NpgsqlBatchCommand("INSERT INTO similar_group (id, owner_id, member_key, size, created_at) VALUES ($1, $2, $3, $4, $5)");
            insertGroup.Parameters.AddWithValue(id);
            insertGroup.Parameters.AddWithValue(owner);
            insertGroup.Parameters.AddWithValue(key);
            insertGroup.Parameters.AddWithValue(group.Members.Count);
            insertGroup.Parameters.AddWithValue(now);
            batch.BatchCommands.Add(insertGroup);
            var insertMembers = new NpgsqlBatchCommand(
                "INSERT INTO similar_media (group_id, media_id, similarity_score) SELECT $1, unnest($2::uuid[]), unnest($3::float8[])");
            insertMembers.Parameters.AddWithValue(id);
            insertMembers.Parameters.AddWithValue(group.Members.Select(m => m.Id).ToArray());
            insertMembers.Parameters.AddWithValue(group.Members.Select(m => m.Score).ToArray());
            batch.BatchCommands.Add(insertMembers);
            kept++;
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return kept;
    }

    public async Task<Page<SimilarGroupView>> ListGroupsAsync(Guid owner, string? cursor, int limit)
    {
        var after = DecodeCursor(cursor);
        await using var command = database.Command("""
            SELECT g.id, g.created_at, g.size,
                   ARRAY(SELECT m.media_id FROM similar_media m WHERE m.group_id = g.id ORDER BY m.similarity_score DESC, m.media_id),
                   ARRAY(SELECT m.similarity_score FROM similar_media m WHERE m.group_id = g.id ORDER BY m.similarity_score DESC, m.media_id)
            FROM similar_group g
            WHERE g.owner_id = $1 AND NOT g.dismissed AND ($2::int IS NULL OR (g.size, g.id) < ($2, $3))
            ORDER BY g.size DESC, g.id DESC LIMIT $4
            """);
        command.Parameters.AddWithValue(owner);
        command.Parameters.Add(CatalogDatabase.Nullable(after?.Size, NpgsqlTypes.NpgsqlDbType.Integer));
        command.Parameters.Add(CatalogDatabase.Nullable(after?.Id, NpgsqlTypes.NpgsqlDbType.Uuid));
        command.Parameters.AddWithValue(limit + 1);
        await using var reader = await command.ExecuteReaderAsync();
        var groups = new List<(SimilarGroupView View, int Size)>();
        while (await reader.ReadAsync())
        {
            var ids = reader.GetFieldValue<Guid[]>(3);
            var scores = reader.GetFieldValue<double[]>(4);
            groups.Add((new SimilarGroupView(reader.GetGuid(0), reader.GetDateTime(1), ids.Zip(scores, (id, score) => new SimilarItem(id, score)).ToList()),
                reader.GetInt32(2)));
        }
        var next = groups.Count > limit ? EncodeCursor(groups[limit - 1].Size, groups[limit - 1].View.Id) : null;
        return new Page<SimilarGroupView>(groups.Take(limit).Select(g => g.View).ToList(), next);
    }

    public async Task<bool> DismissAsync(Guid owner, Guid groupId)
    {
        await using var command = database.Command("UPDATE similar_group SET dismissed = true WHERE id = $1 AND owner_id = $2 AND NOT dismissed");
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(owner);
        return await command.ExecuteNonQueryAsync() == 1;
    }

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
