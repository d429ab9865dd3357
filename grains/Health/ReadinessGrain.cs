using GalleryOrleans.Abstractions.Health;
using GalleryOrleans.Grains.Catalog;
using Npgsql;
using Orleans.Concurrency;

namespace GalleryOrleans.Grains.Health;

[StatelessWorker]
public sealed class ReadinessGrain(CatalogDatabase database) : Grain, IReadinessGrain
{
    /// <summary>Shorter than the gateway's own wait for the answer, so a slow database reads as "does not answer".</summary>
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(3);

    public async Task<bool> CatalogAnswers()
    {
        using var timeout = new CancellationTokenSource(QueryTimeout);
        try
        {
            await using var command = database.Command("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception error) when (error is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
