using Npgsql;

namespace GalleryOrleans.Grains.Catalog;

/// <summary>One transaction of <see cref="CatalogDatabase.InTransactionAsync"/>: its commands see each other's writes.</summary>
public sealed class CatalogTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : ICatalogSession
{
    internal bool RolledBack { get; private set; }

    public NpgsqlCommand Command(string sql, params object?[] parameters) => new NpgsqlCommand(sql, connection, transaction).WithParameters(parameters);

    /// <summary>Sends the commands (<see cref="CatalogQueries.BatchCommand"/>) in one round trip; nothing when there are none.</summary>
    public async Task ExecuteBatchAsync(IReadOnlyCollection<NpgsqlBatchCommand> commands)
    {
        if (commands.Count == 0)
        {
            return;
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Undoes every change of the transaction, which is then not committed.</summary>
    public async Task RollbackAsync()
    {
        await transaction.RollbackAsync();
        RolledBack = true;
    }
}
