using GalleryOrleans.Grains.Failures;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Silo.Schema;

/// <summary>
/// Brings the database schema up to date before the silo starts. Registered ahead of Orleans, and the
/// host starts hosted services in order, so the providers never see a missing table. While the database
/// does not answer (it may be starting alongside the silo, or briefly away) it retries with back-off
/// rather than failing the silo's start.
/// </summary>
internal sealed class SchemaBootstrapService(DatabaseSettings settings, ILogger<SchemaBootstrapService> logger) : IHostedService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(15);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (connectionString, migrations) in SchemaMigrator.PlanFor(settings))
        {
            var delay = FirstRetryDelay;
            while (true)
            {
                try
                {
                    var applied = await SchemaMigrator.ApplyAsync(connectionString, migrations, cancellationToken);
                    logger.LogInformation("Schema is current ({Applied} migrations applied now)", applied);
                    break;
                }
                catch (Exception error) when (BoundaryExceptions.IsDatabaseUnavailable(error) && !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("The database does not answer yet ({Reason}); retrying in {Delay}", error.Message, delay);
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
