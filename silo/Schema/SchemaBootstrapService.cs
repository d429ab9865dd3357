using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Silo.Schema;

/// <summary>
/// Brings the database schema up to date before the silo starts. Registered ahead of Orleans, and the
/// host starts hosted services in order, so the providers never see a missing table.
/// </summary>
internal sealed class SchemaBootstrapService(DatabaseSettings settings, ILogger<SchemaBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var connectionString in settings.DistinctConnectionStrings)
        {
            var applied = await SchemaMigrator.ApplyAsync(connectionString, cancellationToken);
            logger.LogInformation("Schema is current ({Applied} migrations applied now)", applied);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
