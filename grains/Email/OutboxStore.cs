using System.Text;
using GalleryOrleans.Grains.Auth;
using GalleryOrleans.Grains.Catalog;
using MimeKit;

namespace GalleryOrleans.Grains.Email;

/// <summary>
/// The email_outbox rows: messages waiting for the mail transport, encrypted with the cluster key since a reset link
/// is a password. Times come from the database's clock, so silos with skewed clocks agree on what is due.
/// </summary>
public sealed class OutboxStore(CatalogDatabase database, SecretProtector protector)
{
    public async Task AddAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes, cancellationToken);
        // Latin-1 maps every byte to one character and back, so the MIME bytes survive the string the protector takes.
        await using var command = database.Command(
            "INSERT INTO email_outbox (message_encrypted) VALUES ($1)", protector.Protect(Encoding.Latin1.GetString(bytes.GetBuffer(), 0, (int)bytes.Length)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The oldest due message no other silo holds, now held by this one for <paramref name="lease"/>; null when none is due.</summary>
    public async Task<QueuedEmail?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = database.Command("""
            UPDATE email_outbox SET lease_until = now() + $1, attempts = attempts + 1
            WHERE id = (SELECT id FROM email_outbox WHERE next_attempt_at <= now() AND (lease_until IS NULL OR lease_until <= now())
                        ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, message_encrypted, attempts
            """, lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var text = protector.Unprotect(reader.GetFieldValue<byte[]>(1));
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(text)), cancellationToken);
        return new QueuedEmail(reader.GetInt64(0), message, reader.GetInt32(2));
    }

    public Task DeleteAsync(long id) => database.ExecuteAsync("DELETE FROM email_outbox WHERE id = $1", id);

    /// <summary>Releases the message to be tried again after <paramref name="delay"/>, by any silo.</summary>
    public Task PostponeAsync(long id, TimeSpan delay) =>
        database.ExecuteAsync("UPDATE email_outbox SET next_attempt_at = now() + $2, lease_until = NULL WHERE id = $1", id, delay);
}

/// <summary>A claimed message and how many times it has been tried, this time included.</summary>
public sealed record QueuedEmail(long Id, MimeMessage Message, int Attempts);
